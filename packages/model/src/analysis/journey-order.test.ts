import { describe, expect, it } from 'vitest'
import type { Journey } from '../entities/journey.js'
import { touchpointDefaults } from '../entities/touchpoint.js'
import { generateJourney } from '../generate-journey.js'
import { emotionOf, touchpointsInOrder } from './journey-order.js'

function journeyWith(cards: [id: string, stageId: string, x: number, y: number][]): Journey {
  const base = generateJourney({ touchpoints: 0 })
  return {
    ...base,
    stages: [
      { id: 'st_b', name: 'Second', description: '', order: 2 },
      { id: 'st_a', name: 'First', description: '', order: 1 },
    ].sort((a, b) => a.order - b.order),
    touchpoints: cards.map(([id, stageId, x, y]) => ({
      ...touchpointDefaults(id, stageId),
      position: { x, y },
    })),
  }
}

const ids = (journey: Journey) => touchpointsInOrder(journey).map((tp) => tp.id)

describe('touchpointsInOrder', () => {
  it('walks stage by stage, left to right, top to bottom, ties by id', () => {
    const journey = journeyWith([
      ['tp_5', 'st_b', 0, 0],
      ['tp_4', 'st_a', 300, 0],
      ['tp_3', 'st_a', 0, 200],
      ['tp_2', 'st_a', 0, 100],
      ['tp_1', 'st_a', 0, 100],
    ])
    expect(ids(journey)).toEqual(['tp_1', 'tp_2', 'tp_3', 'tp_4', 'tp_5'])
  })

  it('reads a card of an unknown stage with the first stage, and copes with no stages', () => {
    const journey = journeyWith([
      ['tp_1', 'st_b', 0, 0],
      ['tp_2', 'st_gone', 50, 0],
      ['tp_3', 'st_a', 100, 0],
    ])
    expect(ids(journey)).toEqual(['tp_2', 'tp_3', 'tp_1'])
    expect(ids({ ...journey, stages: [] })).toEqual(['tp_1', 'tp_2', 'tp_3'])
  })

  it('does not reorder or copy the journey it reads', () => {
    const journey = generateJourney({ touchpoints: 300, seed: 3 })
    const before = [...journey.touchpoints]
    const ordered = touchpointsInOrder(journey)
    expect(journey.touchpoints).toEqual(before)
    expect(new Set(ordered)).toEqual(new Set(before))
  })
})

describe('emotionOf', () => {
  it('is one persona’s score, or the mean of every rated persona', () => {
    const tp = { ...touchpointDefaults('tp_1', 'st_a'), emotions: { pe_a: 3, pe_b: -2 } }
    expect(emotionOf(tp, 'pe_a')).toBe(3)
    expect(emotionOf(tp, 'pe_c')).toBeNull()
    expect(emotionOf(tp, 'constructor')).toBeNull()
    expect(emotionOf(tp)).toBe(0.5)
    expect(emotionOf({ ...tp, emotions: {} })).toBeNull()
  })
})
