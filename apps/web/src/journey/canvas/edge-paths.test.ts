import { describe, expect, it } from 'vitest'
import { connectionGeometry, loopPath } from './edge-paths'

describe('connection geometry', () => {
  it('draws a loop back below both cards with its label at the lowest part', () => {
    const loop = loopPath({ sourceX: 800, sourceY: 100, targetX: 200, targetY: 140 })
    expect(loop.path.startsWith('M 800,100 C')).toBe(true)
    expect(loop.path.endsWith('200,140')).toBe(true)
    expect(loop.labelY).toBeGreaterThan(140 + 60)
    expect(loop.labelX).toBeGreaterThan(200)
    expect(loop.labelX).toBeLessThan(800)
  })

  it('draws forward steps as a curve between the handles', () => {
    const forward = connectionGeometry(
      { sourceX: 0, sourceY: 0, targetX: 300, targetY: 100 },
      false,
    )
    expect(forward.path.startsWith('M0,0')).toBe(true)
    expect(forward.labelX).toBe(150)
  })
})
