import { describe, expect, it } from 'vitest'
import { readJourney } from '../doc/read-journey.js'
import { createJourneyFromTemplate } from '../templates/templates.js'
import { channelMix } from './channel-mix.js'
import { coverageMatrix } from './coverage-matrix.js'

describe('coverageMatrix', () => {
  it('counts touchpoints per persona and stage and lists the gaps', () => {
    const journey = readJourney(createJourneyFromTemplate('learning-network'))
    const matrix = coverageMatrix(journey)
    expect(matrix.personaIds).toEqual(journey.personas.map((p) => p.id))
    expect(matrix.stageIds).toEqual(journey.stages.map((s) => s.id))
    const eng = matrix.personaIds.indexOf(
      journey.personas.find((p) => p.name === 'Platform engineer')?.id ?? '',
    )
    expect(matrix.counts[eng]).toEqual([1, 2, 2, 1, 1, 1, 1])
    expect(matrix.gaps).toEqual([])
    const stripped = {
      ...journey,
      touchpoints: journey.touchpoints.filter((t) => t.stageId !== journey.stages[0]?.id),
    }
    expect(coverageMatrix(stripped).gaps).toHaveLength(journey.personas.length)
  })
})

describe('channelMix', () => {
  it('counts channels per stage, most used first, with shares', () => {
    const journey = readJourney(createJourneyFromTemplate('enterprise-demand-generation'))
    const mix = channelMix(journey)
    const evaluation = mix.stages.find((s) => s.stageId === journey.stages[2]?.id)
    expect(evaluation).toEqual({
      stageId: journey.stages[2]?.id,
      total: 3,
      channels: [
        { channel: 'sales-conversation', count: 2, share: 2 / 3 },
        { channel: 'website', count: 1, share: 1 / 3 },
      ],
    })
    expect(mix.totals.reduce((sum, c) => sum + c.count, 0)).toBe(journey.touchpoints.length)
    expect(mix.totals[0]?.channel).toBe('sales-conversation')
  })
})
