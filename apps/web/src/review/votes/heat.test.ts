import type { VoteResult } from '@touchline/model'
import { describe, expect, it } from 'vitest'
import { HEAT_STEPS, heatByTouchpoint, heatStep } from './heat'

function result(touchpointId: string, votes: number, rank: number, itemId?: string): VoteResult {
  const item =
    itemId === undefined
      ? { touchpointId, itemId: null, list: null }
      : { touchpointId, itemId, list: 'painPoints' as const }
  return { item, votes, rank }
}

describe('heatStep', () => {
  it('is 0 without votes and the hottest shade for the most voted', () => {
    expect(heatStep(0, 9)).toBe(0)
    expect(heatStep(0, 0)).toBe(0)
    expect(heatStep(9, 9)).toBe(HEAT_STEPS)
  })

  it('gives every voted item at least the first shade, in proportion to the most voted', () => {
    expect(heatStep(1, 100)).toBe(1)
    expect(heatStep(50, 100)).toBe(3)
    expect(heatStep(81, 100)).toBe(5)
    expect(heatStep(80, 100)).toBe(4)
  })
})

describe('heatByTouchpoint', () => {
  it('shades touchpoints by their votes, relative to the most voted', () => {
    const heat = heatByTouchpoint([result('a', 6, 1), result('b', 3, 2), result('c', 0, 3)])
    expect(heat.get('a')).toEqual({ votes: 6, rank: 1, step: 5 })
    expect(heat.get('b')).toEqual({ votes: 3, rank: 2, step: 3 })
    expect(heat.get('c')).toEqual({ votes: 0, rank: 3, step: 0 })
    expect(heat.has('d')).toBe(false)
  })

  it("adds up a card's items and keeps their best rank", () => {
    const heat = heatByTouchpoint([
      result('a', 4, 1, 'p1'),
      result('b', 3, 2, 'p2'),
      result('b', 2, 3, 'p3'),
      result('a', 0, 4, 'p4'),
    ])
    expect(heat.get('b')).toEqual({ votes: 5, rank: 2, step: 5 })
    expect(heat.get('a')).toEqual({ votes: 4, rank: 1, step: 4 })
  })
})
