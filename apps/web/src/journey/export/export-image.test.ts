import type { Node } from '@xyflow/react'
import { describe, expect, it } from 'vitest'
import { imageFrame } from './export-image'

const node = (id: string, x: number, y: number, width: number, height: number): Node => ({
  id,
  position: { x, y },
  data: {},
  width,
  height,
  measured: { width, height },
})

describe('image frame', () => {
  it('is at least slide-sized (16:9, 1920 wide) and fits the whole map at readable scale', () => {
    const frame = imageFrame([node('a', 0, 0, 300, 600), node('b', 2000, 0, 300, 600)])
    expect(frame.width).toBeGreaterThanOrEqual(1920)
    expect(frame.height / frame.width).toBeGreaterThanOrEqual(9 / 16 - 0.01)
    const zoom = Number(/scale\(([\d.]+)\)/.exec(frame.transform)?.[1])
    expect(zoom).toBeGreaterThanOrEqual(0.5)
  })

  it('does not blow a tiny map up past twice its size', () => {
    const frame = imageFrame([node('a', 0, 0, 240, 120)])
    const zoom = Number(/scale\(([\d.]+)\)/.exec(frame.transform)?.[1])
    expect(zoom).toBeLessThanOrEqual(2)
  })
})
