import type { Vote, VoteSession } from '@touchline/model'
import { describe, expect, it } from 'vitest'
import { createReviewStore, type ReviewStoreState } from '../review-store'
import {
  cardHeat,
  countVotes,
  myLatestVote,
  selectCardBallot,
  selectMyDots,
  selectOpenTally,
} from './vote-selectors'

const ME = { id: 'p-me', name: 'Me', color: '#4f46e5' }

function session(overrides: Partial<VoteSession> = {}): VoteSession {
  return {
    id: 's1',
    status: 'open',
    title: 'Dot vote',
    items: [
      { touchpointId: 'a', itemId: null, list: null },
      { touchpointId: 'b', itemId: 'p1', list: 'painPoints' },
    ],
    votesPerPerson: 3,
    allowMultiplePerItem: true,
    hidden: true,
    endsAt: null,
    createdBy: ME,
    createdAt: '2025-03-12T10:00:00.000Z',
    revealedAt: null,
    results: null,
    ...overrides,
  }
}

function vote(id: string, touchpointId: string, itemId: string | null, at: string): Vote {
  return {
    id,
    sessionId: 's1',
    voter: ME,
    item:
      itemId === null
        ? { touchpointId, itemId: null, list: null }
        : { touchpointId, itemId, list: 'painPoints' },
    createdAt: at,
  }
}

function state(patch: Partial<ReviewStoreState>): ReviewStoreState {
  return { ...createReviewStore().getState(), ...patch }
}

describe('vote selectors', () => {
  it('say how each card takes part in the open session, and none once it is over', () => {
    const open = state({ sessions: [session()] })
    expect(selectCardBallot('a')(open)).toBe('touchpoint')
    expect(selectCardBallot('b')(open)).toBe('items')
    expect(selectCardBallot('c')(open)).toBeNull()
    expect(
      selectCardBallot('a')(state({ sessions: [session({ status: 'cancelled' })] })),
    ).toBeNull()
  })

  it("count this person's dots per item and find the newest to take back", () => {
    const votes = [
      vote('v1', 'a', null, '2025-03-12T10:01:00.000Z'),
      vote('v2', 'a', null, '2025-03-12T10:02:00.000Z'),
      vote('v3', 'b', 'p1', '2025-03-12T10:03:00.000Z'),
    ]
    const mine = state({ sessions: [session()], myVotes: { s1: { votes, remaining: 0 } } })
    expect(selectMyDots('a')(mine)).toBe(2)
    expect(selectMyDots('b/p1')(mine)).toBe(1)
    expect(myLatestVote(mine, 'a')?.id).toBe('v2')
    expect(countVotes(votes)).toBe(countVotes(votes))
    expect(countVotes(votes).byCard.get('b')).toBe(1)
  })

  it('show running counts only for a session that is not hidden', () => {
    const votes = [vote('v1', 'a', null, '2025-03-12T10:01:00.000Z')]
    expect(selectOpenTally('a')(state({ sessions: [session()], votes }))).toBeNull()
    expect(selectOpenTally('a')(state({ sessions: [session({ hidden: false })], votes }))).toBe(1)
  })

  it("give a card its heat from a revealed session's results, the same object each time", () => {
    const revealed = session({
      status: 'revealed',
      results: [
        { item: { touchpointId: 'a', itemId: null, list: null }, votes: 4, rank: 1 },
        { item: { touchpointId: 'b', itemId: 'p1', list: 'painPoints' }, votes: 0, rank: 2 },
      ],
    })
    const revealedState = state({ sessions: [revealed] })
    expect(cardHeat(revealedState, 's1', 'a')).toEqual({ votes: 4, rank: 1, step: 5 })
    expect(cardHeat(revealedState, 's1', 'a')).toBe(cardHeat(revealedState, 's1', 'a'))
    expect(cardHeat(revealedState, null, 'a')).toBeNull()
    expect(cardHeat(revealedState, 's1', 'zz')).toBeNull()
  })
})
