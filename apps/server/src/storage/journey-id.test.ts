import { describe, expect, it } from 'vitest'
import { isJourneyId, newJourneyId } from './journey-id.js'

describe('newJourneyId', () => {
  it('makes valid, distinct ids that never start with a dash', () => {
    const ids = Array.from({ length: 4000 }, newJourneyId)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) {
      expect(isJourneyId(id)).toBe(true)
      expect(id.startsWith('-')).toBe(false)
    }
  })
})

describe('isJourneyId', () => {
  it('refuses what could escape a path, a query or a log line', () => {
    for (const bad of ['', 'a/b', '../x', 'a b', 'x'.repeat(65), 'é', 'a\nb', 42, null]) {
      expect(isJourneyId(bad)).toBe(false)
    }
  })
})
