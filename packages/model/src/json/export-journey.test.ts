import { describe, expect, it } from 'vitest'
import { FORMAT, SCHEMA_VERSION } from '../constants.js'
import { createJourneyDoc } from '../doc/create-journey-doc.js'
import { metaMap } from '../doc/layout.js'
import { readJourney } from '../doc/read-journey.js'
import { exportJourney } from './export-journey.js'

describe('exportJourney', () => {
  it('wraps the journey in the versioned file', () => {
    const doc = createJourneyDoc({ title: 'Launch' })
    const now = new Date('2026-05-01T12:00:00.000Z')
    expect(exportJourney(doc, { now })).toEqual({
      format: FORMAT,
      version: SCHEMA_VERSION,
      exportedAt: '2026-05-01T12:00:00.000Z',
      journey: readJourney(doc),
    })
  })

  it('refuses a doc from a newer version instead of dropping what it added', () => {
    const doc = createJourneyDoc({ title: 'Future' })
    metaMap(doc).set('schemaVersion', SCHEMA_VERSION + 1)
    expect(() => exportJourney(doc)).toThrow(/saved by a newer Touchline \(layout version 2\)/)
  })
})
