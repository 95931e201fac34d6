import { describe, expect, it } from 'vitest'
import {
  backThroughLanes,
  loopBelow,
  routeConnection,
  SELF_LOOP_DEPTH,
  selfLoop,
} from './edge-paths'

const card = (x: number, y: number) => ({ x, y, width: 240, height: 120 })

describe('connection routing', () => {
  it('goes from the right edge to the left edge when the target lies ahead', () => {
    const route = routeConnection(card(0, 0), card(400, 200))
    expect(route.path.startsWith('M240,60')).toBe(true)
    expect(route.path.endsWith('400,260')).toBe(true)
  })

  it('goes bottom to top within a column, and top to bottom upwards', () => {
    expect(routeConnection(card(0, 0), card(0, 300)).path.startsWith('M120,120')).toBe(true)
    expect(routeConnection(card(0, 0), card(0, 300)).path.endsWith('120,300')).toBe(true)
    expect(routeConnection(card(0, 300), card(0, 0)).path.startsWith('M120,300')).toBe(true)
  })

  it('loops below both cards when it goes back, with its label under them', () => {
    const back = routeConnection(card(800, 100), card(100, 140))
    expect(back).toEqual(loopBelow(card(800, 100), card(100, 140)))
    expect(back.path.startsWith('M 920,220 C')).toBe(true)
    expect(back.path.endsWith('220,260')).toBe(true)
    expect(back.labelY).toBeGreaterThan(260)
    expect(back.labelX).toBe((920 + 220) / 2)
  })
})

describe('self loops', () => {
  it('loop out of the card’s bottom edge and back into it, the label under the card', () => {
    const loop = routeConnection(card(0, 0), card(0, 0))
    expect(loop).toEqual(selfLoop(card(0, 0)))
    expect(loop.path.startsWith('M 160,120 C')).toBe(true)
    expect(loop.path.endsWith('80,120')).toBe(true)
    expect(loop.labelX).toBe(120)
    expect(loop.labelY).toBeGreaterThan(120)
    expect(loop.labelY).toBeLessThan(120 + SELF_LOOP_DEPTH)
  })
})

describe('connections going back through the lanes', () => {
  const lanes = { bottom: 900, sourceGap: 1100, targetGap: -16 }

  it('never pass behind a card: out of the left edge, along the bottom, into the target’s left', () => {
    const back = routeConnection(card(1132, 100), card(16, 80), lanes)
    expect(back).toEqual(backThroughLanes(card(1132, 100), card(16, 80), lanes))
    expect(back.path.startsWith(`M 1132,${100 + 120 * 0.65}`)).toBe(true)
    expect(back.path).toContain('V 888')
    expect(back.path.endsWith('H 16')).toBe(true)
    expect(back.labelY).toBe(900)
    expect(back.room).toBeGreaterThan(1000)
  })

  it('fall back to a loop below when the columns are unknown', () => {
    expect(routeConnection(card(1132, 100), card(16, 80))).toEqual(
      loopBelow(card(1132, 100), card(16, 80)),
    )
  })

  it('give a label between neighbouring columns only the gap as room', () => {
    expect(routeConnection(card(0, 0), card(272, 0)).room).toBe(32)
  })
})
