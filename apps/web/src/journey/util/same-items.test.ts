import { describe, expect, it } from 'vitest'
import { sameItems } from './same-items'

describe('sameItems', () => {
  it('compares by identity and order', () => {
    const a = { id: 'a' }
    const b = { id: 'b' }
    expect(sameItems([a, b], [a, b])).toBe(true)
    expect(sameItems([], [])).toBe(true)
    expect(sameItems([a, b], [b, a])).toBe(false)
    expect(sameItems([a], [a, b])).toBe(false)
    expect(sameItems([a], [{ id: 'a' }])).toBe(false)
  })
})
