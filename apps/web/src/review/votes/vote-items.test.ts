import {
  addStage,
  addTouchpoint,
  createJourneyDoc,
  readJourney,
  updateTouchpoint,
} from '@touchline/model'
import { describe, expect, it } from 'vitest'
import { itemsProblem, sessionItems } from './vote-items'

function journey() {
  const doc = createJourneyDoc({ title: 'Votes' })
  const first = readJourney(doc).stages[0]?.id
  if (!first) throw new Error('a new journey has stages')
  const later = addStage(doc, 't', { name: 'Later' })
  const late = addTouchpoint(doc, 't', { title: 'Late', stageId: later })
  const early = addTouchpoint(doc, 't', { title: 'Early', stageId: first })
  updateTouchpoint(doc, 't', late, {
    painPoints: [{ id: 'p1', text: 'Slow', priority: null }],
    opportunities: [{ id: 'o1', text: 'Chat', priority: null }],
  })
  updateTouchpoint(doc, 't', early, {
    painPoints: [{ id: 'p2', text: 'Vague', priority: null }],
  })
  return { journey: readJourney(doc), first, later, late, early }
}

describe('sessionItems', () => {
  it("lists the chosen stages' cards in map order", () => {
    const { journey: j, first, later, late, early } = journey()
    expect(sessionItems({ kind: 'stages', stageIds: [later, first] }, j)).toEqual([
      { touchpointId: early, itemId: null, list: null },
      { touchpointId: late, itemId: null, list: null },
    ])
    expect(sessionItems({ kind: 'stages', stageIds: [later] }, j)).toHaveLength(1)
  })

  it('lists every pain point or opportunity with its card', () => {
    const { journey: j, late, early } = journey()
    expect(sessionItems({ kind: 'painPoints' }, j)).toEqual([
      { touchpointId: early, itemId: 'p2', list: 'painPoints' },
      { touchpointId: late, itemId: 'p1', list: 'painPoints' },
    ])
    expect(sessionItems({ kind: 'opportunities' }, j)).toEqual([
      { touchpointId: late, itemId: 'o1', list: 'opportunities' },
    ])
  })

  it('lists the selected cards, ignoring ids no longer on the map', () => {
    const { journey: j, late } = journey()
    expect(sessionItems({ kind: 'selection', touchpointIds: [late, 'gone'] }, j)).toEqual([
      { touchpointId: late, itemId: null, list: null },
    ])
  })
})

describe('itemsProblem', () => {
  it('refuses an empty choice and one past the limit', () => {
    expect(itemsProblem([])).toMatch(/nothing to vote on/)
    const many = Array.from({ length: 5001 }, (_, i) => ({
      touchpointId: `t${i}`,
      itemId: null,
      list: null,
    }))
    expect(itemsProblem(many)).toMatch(/at most 5,000/)
    expect(itemsProblem(many.slice(0, 3))).toBeNull()
  })
})
