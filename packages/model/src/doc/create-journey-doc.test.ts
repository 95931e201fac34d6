import { describe, expect, it } from 'vitest'
import { DEFAULT_STAGES, SCHEMA_VERSION } from '../constants.js'
import { summarizeJourney } from '../summarize-journey.js'
import { createJourneyDoc } from './create-journey-doc.js'
import { metaMap } from './layout.js'
import { readJourney } from './read-journey.js'

describe('createJourneyDoc', () => {
  it('creates a blank journey with the default stages in order', () => {
    const doc = createJourneyDoc({ title: '  Q3 launch  ', goal: 'Be known' })
    const journey = readJourney(doc)
    expect(journey).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      title: 'Q3 launch',
      goal: 'Be known',
      personas: [],
      touchpoints: [],
    })
    expect(journey.stages.map((s) => s.name)).toEqual([...DEFAULT_STAGES])
    expect(journey.stages.map((s) => s.order)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(metaMap(doc).get('schemaVersion')).toBe(SCHEMA_VERSION)
    expect(summarizeJourney(journey)).toEqual({
      title: 'Q3 launch',
      personas: 0,
      stages: 7,
      touchpoints: 0,
      connections: 0,
    })
  })

  it('falls back to a default title', () => {
    expect(readJourney(createJourneyDoc()).title).toBe('Untitled journey')
  })
})
