import { describe, expect, it } from 'vitest'
import { imageFrame } from './export-image'

describe('image frame', () => {
  it('is at least slide-sized (16:9, 1920 wide) and fits the whole map at readable scale', () => {
    const frame = imageFrame({ x: 0, y: 0, width: 2300, height: 600 })
    expect(frame.width).toBeGreaterThanOrEqual(1920)
    expect(frame.height / frame.width).toBeGreaterThanOrEqual(9 / 16 - 0.01)
    const zoom = Number(/scale\(([\d.]+)\)/.exec(frame.transform)?.[1])
    expect(zoom).toBeGreaterThanOrEqual(0.5)
  })

  it('does not blow a tiny map up past twice its size', () => {
    const frame = imageFrame({ x: 0, y: 0, width: 240, height: 120 })
    const zoom = Number(/scale\(([\d.]+)\)/.exec(frame.transform)?.[1])
    expect(zoom).toBeLessThanOrEqual(2)
  })
})
