import { describe, expect, it } from 'vitest'
import type { Vote, VoteItemRef, VoteSession } from '../entities/vote-session.js'
import { participant } from './review.test-support.js'
import { tallyVotes } from './tally-votes.js'

const item = (touchpointId: string): VoteItemRef => ({ touchpointId, itemId: null, list: null })
const [A, B, C, D] = ['tp_a', 'tp_b', 'tp_c', 'tp_d'].map(item) as [
  VoteItemRef,
  VoteItemRef,
  VoteItemRef,
  VoteItemRef,
]

function session(fields: Partial<VoteSession> = {}): VoteSession {
  return {
    id: 'vs_1',
    status: 'open',
    title: 'Dot vote',
    items: [A, B, C, D],
    votesPerPerson: 3,
    allowMultiplePerItem: false,
    hidden: true,
    endsAt: null,
    createdBy: participant('Ed'),
    createdAt: '2026-03-01T10:00:00.000Z',
    revealedAt: null,
    results: null,
    ...fields,
  }
}

let next = 0
function vote(voter: string, on: VoteItemRef, minute: number, fields: Partial<Vote> = {}): Vote {
  next++
  return {
    id: `vo_${String(next).padStart(3, '0')}`,
    sessionId: 'vs_1',
    voter: participant(voter),
    item: on,
    createdAt: `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
    ...fields,
  }
}

const summary = (results: ReturnType<typeof tallyVotes>) =>
  results.map((r) => `${r.item.touchpointId}:${r.votes}#${r.rank}`)

describe('tallyVotes', () => {
  it('ranks most votes first, ties sharing a rank (1, 1, 3) in item order, 0 votes last', () => {
    const votes = [
      vote('Ada', C, 1),
      vote('Bo', C, 2),
      vote('Ada', B, 3),
      vote('Cy', B, 4),
      vote('Cy', D, 5),
    ]
    expect(summary(tallyVotes(session(), votes))).toEqual([
      'tp_b:2#1',
      'tp_c:2#1',
      'tp_d:1#3',
      'tp_a:0#4',
    ])
    expect(summary(tallyVotes(session(), []))).toEqual([
      'tp_a:0#1',
      'tp_b:0#1',
      'tp_c:0#1',
      'tp_d:0#1',
    ])
  })

  it('is the same whatever order the votes come in', () => {
    const votes = [
      vote('Ada', C, 1),
      vote('Bo', A, 2),
      vote('Ada', B, 3),
      vote('Ada', A, 4),
      vote('Ada', D, 5),
    ]
    const forward = tallyVotes(session(), votes)
    expect(tallyVotes(session(), [...votes].reverse())).toEqual(forward)
  })

  it("ignores a person's votes beyond the budget, keeping the oldest (time, then id)", () => {
    // C and B share a time; C was cast first, so its id is lower and it is older.
    const votes = [vote('Ada', D, 9), vote('Ada', C, 5), vote('Ada', A, 1), vote('Ada', B, 5)]
    expect(summary(tallyVotes(session({ votesPerPerson: 3 }), votes))).toEqual([
      'tp_a:1#1',
      'tp_b:1#1',
      'tp_c:1#1',
      'tp_d:0#4',
    ])
    expect(summary(tallyVotes(session({ votesPerPerson: 2 }), votes))).toEqual([
      'tp_a:1#1',
      'tp_c:1#1',
      'tp_b:0#3',
      'tp_d:0#3',
    ])
  })

  it('compares times across UTC offsets', () => {
    const later = vote('Ada', B, 0, { createdAt: '2026-03-01T11:30:00+01:00' })
    const earlier = vote('Ada', A, 0, { createdAt: '2026-03-01T10:20:00.000Z' })
    expect(summary(tallyVotes(session({ votesPerPerson: 1 }), [later, earlier]))[0]).toBe(
      'tp_a:1#1',
    )
  })

  it('counts one vote per person and item unless the session allows more', () => {
    const votes = [vote('Ada', A, 1), vote('Ada', A, 2), vote('Bo', A, 3)]
    expect(summary(tallyVotes(session(), votes))[0]).toBe('tp_a:2#1')
    expect(summary(tallyVotes(session({ allowMultiplePerItem: true }), votes))[0]).toBe('tp_a:3#1')
  })

  it('ignores votes of other sessions and on items the session does not list', () => {
    const votes = [
      vote('Ada', A, 1, { sessionId: 'vs_2' }),
      vote('Ada', item('tp_x'), 2),
      vote('Bo', B, 3),
    ]
    expect(summary(tallyVotes(session(), votes))).toEqual([
      'tp_b:1#1',
      'tp_a:0#2',
      'tp_c:0#2',
      'tp_d:0#2',
    ])
  })

  it('keys items by touchpoint and item id, so a card and its pain point are apart', () => {
    const pain: VoteItemRef = { touchpointId: 'tp_a', itemId: 'it_1', list: 'painPoints' }
    const results = tallyVotes(session({ items: [A, pain] }), [vote('Ada', pain, 1)])
    expect(results).toEqual([
      { item: pain, votes: 1, rank: 1 },
      { item: A, votes: 0, rank: 2 },
    ])
  })
})
