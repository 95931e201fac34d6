import { describe, expect, it } from 'vitest'
import { collectionMap } from '../doc/layout.js'
import { readJourney } from '../doc/read-journey.js'
import { ME } from '../mutations/journey.test-support.js'
import { removeTouchpoints } from '../mutations/remove-touchpoints.js'
import { updateTouchpoint } from '../mutations/touchpoint-mutations.js'
import { applyVotePriorities } from './apply-vote-priorities.js'
import { expectRefused, reviewFixture, SERVER, transactionsOf } from './review.test-support.js'

describe('applyVotePriorities', () => {
  it('writes every result into the journey in one transaction, 0-vote items too', () => {
    const { journeyDoc, items, tps } = reviewFixture()
    const origins = transactionsOf(journeyDoc)
    applyVotePriorities(journeyDoc, SERVER, 'vs_1', [
      { item: items.pain, votes: 4, rank: 1 },
      { item: items.card1, votes: 2, rank: 2 },
      { item: items.idea, votes: 0, rank: 3 },
      { item: items.card0, votes: 0, rank: 3 },
    ])
    expect(origins).toEqual([SERVER])
    const [t0, t1, t2] = readJourney(journeyDoc).touchpoints
    expect(t0?.priority).toEqual({ sessionId: 'vs_1', rank: 3, votes: 0 })
    expect(t0?.painPoints[0]?.priority).toEqual({ sessionId: 'vs_1', rank: 1, votes: 4 })
    expect(t0?.opportunities[0]?.priority).toEqual({ sessionId: 'vs_1', rank: 3, votes: 0 })
    expect(t1?.priority).toEqual({ sessionId: 'vs_1', rank: 2, votes: 2 })
    expect(t2?.id).toBe(tps[2])
    expect(t2?.priority).toBeNull()
  })

  it('overwrites an earlier session on the items it covers, and writes nothing unchanged', () => {
    const { journeyDoc, items } = reviewFixture()
    applyVotePriorities(journeyDoc, SERVER, 'vs_1', [
      { item: items.card0, votes: 1, rank: 1 },
      { item: items.card1, votes: 1, rank: 1 },
    ])
    applyVotePriorities(journeyDoc, SERVER, 'vs_2', [{ item: items.card1, votes: 0, rank: 1 }])
    const [t0, t1] = readJourney(journeyDoc).touchpoints
    expect(t0?.priority?.sessionId).toBe('vs_1')
    expect(t1?.priority).toEqual({ sessionId: 'vs_2', rank: 1, votes: 0 })
    const origins = transactionsOf(journeyDoc)
    applyVotePriorities(journeyDoc, SERVER, 'vs_2', [{ item: items.card1, votes: 0, rank: 1 }])
    expect(origins).toEqual([])
  })

  it('skips touchpoints and items deleted since the vote, keeping the other items as stored', () => {
    const { journeyDoc, items, tps } = reviewFixture()
    removeTouchpoints(journeyDoc, ME, [tps[1] ?? ''])
    updateTouchpoint(journeyDoc, ME, tps[0] ?? '', { opportunities: [] })
    const stored = collectionMap(journeyDoc, 'touchpoints').get(tps[0] ?? '')
    applyVotePriorities(journeyDoc, SERVER, 'vs_1', [
      { item: items.card1, votes: 3, rank: 1 },
      { item: items.idea, votes: 2, rank: 2 },
      { item: items.pain, votes: 1, rank: 3 },
    ])
    expect(stored?.get('opportunities')).toEqual([])
    const journey = readJourney(journeyDoc)
    expect(journey.touchpoints.map((t) => t.id)).toEqual([tps[0], tps[2]])
    expect(journey.touchpoints[0]?.painPoints[0]?.priority?.rank).toBe(3)
  })

  it('refuses malformed results, changing nothing', () => {
    const { journeyDoc, items } = reviewFixture()
    expectRefused([journeyDoc], 400, () =>
      applyVotePriorities(journeyDoc, SERVER, 'vs_1', [{ item: items.card0, votes: -1, rank: 1 }]),
    )
    expectRefused([journeyDoc], 400, () => applyVotePriorities(journeyDoc, SERVER, '', []))
  })
})
