import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LIMITS } from '../constants.js'
import { readReview } from './read-review.js'
import {
  ADA,
  BO,
  ED,
  expectRefused,
  FAY,
  minutesLater,
  NOW,
  reviewFixture,
  SERVER,
  transactionsOf,
  VI,
} from './review.test-support.js'
import { privateMap, reviewMap } from './review-layout.js'
import { castVote, myVotes } from './vote-mutations.js'
import { cancelVoteSession, revealVoteSession, startVoteSession } from './vote-session-mutations.js'

describe('startVoteSession', () => {
  it('opens a session with the defaults, in one transaction, with an empty voters map', () => {
    const { review, journey, items } = reviewFixture()
    const origins = transactionsOf(review)
    const session = startVoteSession(
      review,
      SERVER,
      ED,
      journey,
      { items: [items.card0, items.pain] },
      NOW,
    )
    expect(session).toMatchObject({
      status: 'open',
      title: 'Dot vote',
      items: [items.card0, items.pain],
      votesPerPerson: 3,
      allowMultiplePerItem: false,
      hidden: true,
      endsAt: null,
      createdBy: ED.participant,
      createdAt: NOW.toISOString(),
      revealedAt: null,
      results: null,
    })
    expect(origins).toEqual([SERVER])
    expect(readReview(review)).toMatchObject({ sessions: [session], voters: { [session.id]: [] } })
  })

  it('refuses, changing nothing: non-editors, bad settings, unknown items, a second open session', () => {
    const { review, journey, items, tps } = reviewFixture()
    const start =
      (settings: Parameters<typeof startVoteSession>[4], who = ED) =>
      () =>
        startVoteSession(review, SERVER, who, journey, settings, NOW)
    expectRefused([review], 403, start({ items: [items.card0] }, ADA), /a commenter cannot start/)
    expectRefused([review], 403, start({ items: [items.card0] }, VI))
    expectRefused([review], 400, start({ items: [] }), /items: must list at least one item/)
    expectRefused(
      [review],
      400,
      start({ items: [items.card0], votesPerPerson: 0 }),
      /votesPerPerson/,
    )
    expectRefused(
      [review],
      400,
      start({ items: [items.card0], votesPerPerson: 51 }),
      /votesPerPerson/,
    )
    expectRefused([review], 400, start({ items: [items.card0], title: '' }), /title/)
    expectRefused(
      [review],
      400,
      start({ items: [items.card0], endsAt: NOW.toISOString() }),
      /endsAt: must be in the future/,
    )
    expectRefused([review], 400, start({ items: [items.card0], endsAt: 'tomorrow' }), /endsAt/)
    expectRefused(
      [review],
      400,
      start({ items: [items.card0, { ...items.card0 }] }),
      /items\[1\]: lists the item/,
    )
    expectRefused(
      [review],
      400,
      start({ items: [{ touchpointId: tps[0] ?? '', itemId: 'it_x', list: null }] as never }),
    )
    expectRefused(
      [review],
      404,
      start({ items: [items.card0, { ...items.card1, touchpointId: 'tp_gone' }] }),
      /items\[1\]\.touchpointId: no touchpoint/,
    )
    expectRefused(
      [review],
      404,
      start({ items: [{ ...items.pain, list: 'opportunities' }] }),
      /items\[0\]\.itemId: .* has no opportunity/,
    )
    const tooMany = Array.from({ length: LIMITS.voteItems + 1 }, (_, i) => ({
      ...items.card0,
      touchpointId: `tp_${i}`,
    }))
    expectRefused([review], 400, start({ items: tooMany }), /at most 5000/)
    const open = startVoteSession(review, SERVER, ED, journey, { items: [items.card0] }, NOW)
    expectRefused(
      [review],
      409,
      start({ items: [items.card1] }, FAY),
      new RegExp(`"${open.id}" is still open`),
    )
  })

  it('allows a new session once the open one is revealed or cancelled', () => {
    const { review, privateDoc, journey, items } = reviewFixture()
    const first = startVoteSession(review, SERVER, ED, journey, { items: [items.card0] }, NOW)
    cancelVoteSession(review, privateDoc, SERVER, ED, first.id, NOW)
    const second = startVoteSession(review, SERVER, ED, journey, { items: [items.card0] }, NOW)
    revealVoteSession(review, privateDoc, SERVER, ED, second.id, NOW)
    startVoteSession(review, SERVER, FAY, journey, { items: [items.card1] }, NOW)
    expect(readReview(review).sessions.map((s) => s.status)).toEqual([
      'cancelled',
      'revealed',
      'open',
    ])
  })
})

describe('revealVoteSession', () => {
  it('moves hidden ballots to the public votes, tallies, and stores the results', () => {
    const { review, privateDoc, journey, items } = reviewFixture()
    const session = startVoteSession(
      review,
      SERVER,
      ED,
      journey,
      { items: [items.card0, items.pain, items.idea] },
      NOW,
    )
    castVote(review, privateDoc, SERVER, ADA, journey, session.id, items.pain, minutesLater(1))
    castVote(review, privateDoc, SERVER, BO, journey, session.id, items.pain, minutesLater(2))
    castVote(review, privateDoc, SERVER, BO, journey, session.id, items.card0, minutesLater(3))
    expect(readReview(review).votes).toEqual([])
    const reviewOrigins = transactionsOf(review)
    const privateOrigins = transactionsOf(privateDoc)
    const results = revealVoteSession(review, privateDoc, SERVER, ED, session.id, minutesLater(10))
    expect(results).toEqual([
      { item: items.pain, votes: 2, rank: 1 },
      { item: items.card0, votes: 1, rank: 2 },
      { item: items.idea, votes: 0, rank: 3 },
    ])
    expect(reviewOrigins).toEqual([SERVER])
    expect(privateOrigins).toEqual([SERVER])
    const state = readReview(review)
    expect(state.sessions[0]).toMatchObject({
      status: 'revealed',
      revealedAt: minutesLater(10).toISOString(),
      results,
    })
    expect(state.votes).toHaveLength(3)
    expect(privateMap(privateDoc, 'ballots').size).toBe(0)
    expect(myVotes(review, privateDoc, BO.participant.id, session.id)).toMatchObject({
      remaining: 0,
    })
    expect(myVotes(review, privateDoc, BO.participant.id, session.id).votes).toHaveLength(2)
  })

  it('refuses non-editors, unknown sessions and sessions that are not open, changing nothing', () => {
    const { review, privateDoc, journey, items } = reviewFixture()
    const session = startVoteSession(review, SERVER, ED, journey, { items: [items.card0] }, NOW)
    castVote(review, privateDoc, SERVER, ADA, journey, session.id, items.card0, NOW)
    const docs = [review, privateDoc]
    expectRefused(docs, 403, () =>
      revealVoteSession(review, privateDoc, SERVER, ADA, session.id, NOW),
    )
    expectRefused(docs, 403, () =>
      revealVoteSession(review, privateDoc, SERVER, VI, session.id, NOW),
    )
    expectRefused(
      docs,
      404,
      () => revealVoteSession(review, privateDoc, SERVER, ED, 'vs_gone', NOW),
      /no vote session/,
    )
    expectRefused(docs, 400, () =>
      revealVoteSession(review, privateDoc, SERVER, ED, 'not an id', NOW),
    )
    revealVoteSession(review, privateDoc, SERVER, ED, session.id, NOW)
    expectRefused(
      docs,
      409,
      () => revealVoteSession(review, privateDoc, SERVER, FAY, session.id, NOW),
      /is revealed/,
    )
    expectRefused(
      docs,
      409,
      () => cancelVoteSession(review, privateDoc, SERVER, FAY, session.id, NOW),
      /is revealed/,
    )
  })
})

describe('cancelVoteSession', () => {
  it('closes the session and drops hidden ballots unseen', () => {
    const { review, privateDoc, journey, items } = reviewFixture()
    const session = startVoteSession(review, SERVER, ED, journey, { items: [items.card0] }, NOW)
    castVote(review, privateDoc, SERVER, ADA, journey, session.id, items.card0, NOW)
    cancelVoteSession(review, privateDoc, SERVER, ED, session.id, NOW)
    const state = readReview(review)
    expect(state.sessions[0]?.status).toBe('cancelled')
    expect(state.votes).toEqual([])
    expect(privateMap(privateDoc, 'ballots').size).toBe(0)
    expect(myVotes(review, privateDoc, ADA.participant.id, session.id)).toEqual({
      votes: [],
      remaining: 0,
    })
  })

  it('keeps the votes of a public session, which everyone saw already', () => {
    const { review, privateDoc, journey, items } = reviewFixture()
    const session = startVoteSession(
      review,
      SERVER,
      ED,
      journey,
      { items: [items.card0], hidden: false },
      NOW,
    )
    castVote(review, privateDoc, SERVER, ADA, journey, session.id, items.card0, NOW)
    cancelVoteSession(review, privateDoc, SERVER, ED, session.id, NOW)
    expect(readReview(review).votes).toHaveLength(1)
  })

  it('refuses non-editors and unknown sessions, changing nothing', () => {
    const { review, privateDoc, journey, items } = reviewFixture()
    const session = startVoteSession(review, SERVER, ED, journey, { items: [items.card0] }, NOW)
    expectRefused([review, privateDoc], 403, () =>
      cancelVoteSession(review, privateDoc, SERVER, BO, session.id, NOW),
    )
    expectRefused([review, privateDoc], 404, () =>
      cancelVoteSession(review, privateDoc, SERVER, ED, 'vs_x', NOW),
    )
  })

  it('refuses a new session when the review already holds the most sessions', () => {
    const { review, journey, items } = reviewFixture()
    const sessions = reviewMap(review, 'sessions')
    review.transact(() => {
      for (let i = 0; i < LIMITS.voteSessions; i++) sessions.set(`vs_${i}`, new Y.Map())
    })
    expectRefused(
      [review],
      409,
      () => startVoteSession(review, SERVER, ED, journey, { items: [items.card0] }, NOW),
      /at most 1000/,
    )
  })
})
