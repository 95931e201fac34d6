import { describe, expect, it } from 'vitest'
import { pruneCardHeights } from './card-heights'

describe('pruneCardHeights', () => {
  it('drops the heights of cards that are gone and keeps the rest', () => {
    const heights = new Map([
      ['a', 120],
      ['b', 160],
      ['c', 96],
    ])
    expect(pruneCardHeights(heights, ['a', 'c', 'new'])).toBe(true)
    expect([...heights.entries()]).toEqual([
      ['a', 120],
      ['c', 96],
    ])
    expect(pruneCardHeights(heights, ['a', 'c'])).toBe(false)
    expect(heights.size).toBe(2)
  })
})
