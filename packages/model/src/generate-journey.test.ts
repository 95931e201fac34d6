import { describe, expect, it } from 'vitest'
import { JourneySchema } from './entities/journey.js'
import { generateJourney } from './generate-journey.js'
import { checkReferences } from './json/check-references.js'

describe('generateJourney', () => {
  it('is deterministic per seed and valid, up to the touchpoint limit', () => {
    const big = generateJourney({ touchpoints: 5000, seed: 42 })
    expect(big.touchpoints).toHaveLength(5000)
    expect(JourneySchema.safeParse(big).success).toBe(true)
    expect(checkReferences({ ...big, comments: [], voteSessions: [] })).toEqual([])
    expect(generateJourney({ touchpoints: 50, seed: 3 })).toEqual(
      generateJourney({ touchpoints: 50, seed: 3 }),
    )
    expect(generateJourney({ touchpoints: 50, seed: 3 })).not.toEqual(
      generateJourney({ touchpoints: 50, seed: 4 }),
    )
    expect(generateJourney({ touchpoints: 9999 }).touchpoints).toHaveLength(5000)
  })
})
