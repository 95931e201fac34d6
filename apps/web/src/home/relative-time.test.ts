import { describe, expect, it } from 'vitest'
import { relativeTime } from './relative-time.js'

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0)

describe('relativeTime', () => {
  it('says just now for the last few seconds', () => {
    expect(relativeTime(NOW - 10_000, NOW)).toBe('just now')
  })

  it('uses the largest whole unit', () => {
    expect(relativeTime(NOW - 50_000, NOW)).toBe('1 minute ago')
    expect(relativeTime(NOW - 5 * 60_000, NOW)).toBe('5 minutes ago')
    expect(relativeTime(NOW - 3 * 3600_000, NOW)).toBe('3 hours ago')
    expect(relativeTime(NOW - 24 * 3600_000, NOW)).toBe('yesterday')
    expect(relativeTime(NOW - 14 * 24 * 3600_000, NOW)).toBe('2 weeks ago')
    expect(relativeTime(NOW - 400 * 24 * 3600_000, NOW)).toBe('last year')
  })
})
