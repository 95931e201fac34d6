import { describe, expect, it } from 'vitest'
import { LIMITS } from '../constants.js'
import type { VoteItemRef } from '../entities/vote-session.js'
import { ME } from '../mutations/journey.test-support.js'
import { removeTouchpoints } from '../mutations/remove-touchpoints.js'
import { readReview } from './read-review.js'
import {
  ADA,
  BO,
  ED,
  expectRefused,
  minutesLater,
  NOW,
  reviewFixture,
  SERVER,
  transactionsOf,
  VI,
} from './review.test-support.js'
import { privateMap } from './review-layout.js'
import { castVote, myVotes, withdrawVote } from './vote-mutations.js'
import type { VoteSessionInput } from './vote-session-mutations.js'
import { cancelVoteSession, revealVoteSession, startVoteSession } from './vote-session-mutations.js'

function withSession(settings: Partial<VoteSessionInput> = {}) {
  const fixture = reviewFixture()
  const { review, journey, items } = fixture
  const session = startVoteSession(
    review,
    SERVER,
    ED,
    journey,
    { items: [items.card0, items.card1, items.pain], ...settings },
    NOW,
  )
  return { ...fixture, session, docs: [fixture.review, fixture.privateDoc] }
}

const text = (update: Uint8Array) => new TextDecoder().decode(update)

describe('castVote in a hidden session', () => {
  it('keeps the ballot private and tells the review only who has voted, once', () => {
    const { review, privateDoc, journey, items, session } = withSession()
    const reviewOrigins = transactionsOf(review)
    const privateOrigins = transactionsOf(privateDoc)
    const updates: Uint8Array[] = []
    review.on('update', (update: Uint8Array) => updates.push(update))
    const first = castVote(review, privateDoc, SERVER, ADA, journey, session.id, items.pain, NOW)
    expect(first).toMatchObject({
      remaining: 2,
      vote: {
        sessionId: session.id,
        voter: ADA.participant,
        item: items.pain,
        createdAt: NOW.toISOString(),
      },
    })
    const second = castVote(review, privateDoc, SERVER, ADA, journey, session.id, items.card1, NOW)
    expect(second.remaining).toBe(1)
    expect(privateOrigins).toEqual([SERVER, SERVER])
    expect(reviewOrigins).toEqual([SERVER])
    const state = readReview(review)
    expect(state.votes).toEqual([])
    expect(state.voters[session.id]).toEqual([ADA.participant.id])
    for (const update of updates) {
      expect(text(update)).not.toContain(items.pain.itemId)
      expect(text(update)).not.toContain(first.vote.id)
    }
    expect(privateMap(privateDoc, 'ballots').size).toBe(2)
    expect(myVotes(review, privateDoc, ADA.participant.id, session.id)).toEqual({
      votes: [first.vote, second.vote],
      remaining: 1,
    })
    expect(myVotes(review, privateDoc, BO.participant.id, session.id)).toEqual({
      votes: [],
      remaining: 3,
    })
  })

  it('refuses beyond the budget and a second vote on one item, changing nothing', () => {
    const { review, privateDoc, journey, items, session, docs } = withSession({ votesPerPerson: 2 })
    const vote =
      (item: VoteItemRef = items.card0, who = ADA) =>
      () =>
        castVote(review, privateDoc, SERVER, who, journey, session.id, item, NOW)
    vote()()
    expectRefused(docs, 409, vote(), /already voted for this item/)
    vote(items.card1)()
    expectRefused(docs, 409, vote(items.pain), /used all 2 votes/)
    expect(vote(items.pain, BO)().remaining).toBe(1)
  })

  it('allows several votes on one item when the session says so', () => {
    const { review, privateDoc, journey, items, session, docs } = withSession({
      allowMultiplePerItem: true,
    })
    const vote = () =>
      castVote(review, privateDoc, SERVER, ADA, journey, session.id, items.pain, NOW)
    expect([vote().remaining, vote().remaining, vote().remaining]).toEqual([2, 1, 0])
    expectRefused(docs, 409, vote, /used all 3 votes/)
  })
})

describe('castVote refusals', () => {
  it('refuses viewers, bad input, unknown sessions and items, changing nothing', () => {
    const { review, privateDoc, journey, items, session, docs, tps } = withSession()
    const vote =
      (item: unknown, who = ADA, sessionId = session.id) =>
      () =>
        castVote(review, privateDoc, SERVER, who, journey, sessionId, item as never, NOW)
    expectRefused(docs, 403, vote(items.card0, VI), /a viewer cannot vote/)
    expectRefused(docs, 400, vote({ touchpointId: tps[0] }), /item/)
    expectRefused(docs, 400, vote({ ...items.pain, list: null }), /item/)
    expectRefused(docs, 404, vote(items.card0, ADA, 'vs_gone'), /no vote session/)
    expectRefused(docs, 404, vote(items.card2), /has no item/)
    expectRefused(docs, 404, vote(items.idea), /has no item/)
  })

  it('refuses an item deleted from the journey since the session started', () => {
    const { review, privateDoc, journey, journeyDoc, items, session, docs } = withSession()
    removeTouchpoints(journeyDoc, ME, [items.card1.touchpointId])
    expectRefused(
      docs,
      404,
      () => castVote(review, privateDoc, SERVER, ADA, journey, session.id, items.card1, NOW),
      /item\.touchpointId: no touchpoint/,
    )
  })

  it('refuses once the session has ended, or is revealed or cancelled', () => {
    const ended = withSession({ endsAt: minutesLater(30).toISOString() })
    const late = () =>
      castVote(
        ended.review,
        ended.privateDoc,
        SERVER,
        ADA,
        ended.journey,
        ended.session.id,
        ended.items.card0,
        minutesLater(30),
      )
    expectRefused(ended.docs, 409, late, /ended at/)
    expect(
      castVote(
        ended.review,
        ended.privateDoc,
        SERVER,
        ADA,
        ended.journey,
        ended.session.id,
        ended.items.card0,
        minutesLater(29),
      ).remaining,
    ).toBe(2)

    const { review, privateDoc, journey, items, session, docs } = withSession()
    revealVoteSession(review, privateDoc, SERVER, ED, session.id, NOW)
    expectRefused(
      docs,
      409,
      () => castVote(review, privateDoc, SERVER, ADA, journey, session.id, items.card0, NOW),
      /is revealed/,
    )
    const next = startVoteSession(review, SERVER, ED, journey, { items: [items.card0] }, NOW)
    cancelVoteSession(review, privateDoc, SERVER, ED, next.id, NOW)
    expectRefused(
      docs,
      409,
      () => castVote(review, privateDoc, SERVER, ADA, journey, next.id, items.card0, NOW),
      /is cancelled/,
    )
  })

  it('refuses when the journey holds the most votes', () => {
    const { review, privateDoc, journey, items, session, docs } = withSession()
    const ballots = privateMap(privateDoc, 'ballots')
    privateDoc.transact(() => {
      for (let i = 0; i < LIMITS.votes; i++) ballots.set(`vo_${i}`, 0 as never)
    })
    expectRefused(
      docs,
      409,
      () => castVote(review, privateDoc, SERVER, ADA, journey, session.id, items.card0, NOW),
      /at most 50000 votes/,
    )
  })
})

describe('castVote in a public session', () => {
  it('writes the vote and the voter into the review in one transaction', () => {
    const { review, privateDoc, journey, items, session } = withSession({ hidden: false })
    const origins = transactionsOf(review)
    const { vote } = castVote(review, privateDoc, SERVER, ADA, journey, session.id, items.pain, NOW)
    expect(origins).toEqual([SERVER])
    expect(readReview(review)).toMatchObject({
      votes: [vote],
      voters: { [session.id]: [ADA.participant.id] },
    })
    expect(privateMap(privateDoc, 'ballots').size).toBe(0)
  })
})

describe('withdrawVote', () => {
  it('takes back one of one own votes, and the voter mark with the last one', () => {
    for (const hidden of [true, false]) {
      const { review, privateDoc, journey, items, session } = withSession({ hidden })
      const a = castVote(
        review,
        privateDoc,
        SERVER,
        ADA,
        journey,
        session.id,
        items.card0,
        NOW,
      ).vote
      const b = castVote(
        review,
        privateDoc,
        SERVER,
        ADA,
        journey,
        session.id,
        items.card1,
        NOW,
      ).vote
      expect(withdrawVote(review, privateDoc, SERVER, ADA, session.id, a.id, NOW)).toEqual({
        remaining: 2,
      })
      expect(readReview(review).voters[session.id]).toEqual([ADA.participant.id])
      expect(withdrawVote(review, privateDoc, SERVER, ADA, session.id, b.id, NOW)).toEqual({
        remaining: 3,
      })
      expect(readReview(review)).toMatchObject({ votes: [], voters: { [session.id]: [] } })
      expect(myVotes(review, privateDoc, ADA.participant.id, session.id).votes).toEqual([])
    }
  })

  it("refuses someone else's vote, unknown votes, viewers and closed or ended sessions, changing nothing", () => {
    const { review, privateDoc, journey, items, session, docs } = withSession({
      endsAt: minutesLater(60).toISOString(),
    })
    const { vote } = castVote(
      review,
      privateDoc,
      SERVER,
      ADA,
      journey,
      session.id,
      items.card0,
      NOW,
    )
    const withdraw =
      (who = ADA, voteId = vote.id, now = NOW) =>
      () =>
        withdrawVote(review, privateDoc, SERVER, who, session.id, voteId, now)
    expectRefused(docs, 403, withdraw(BO), /only your own votes/)
    expectRefused(docs, 403, withdraw(ED), /only your own votes/)
    expectRefused(docs, 403, withdraw(VI))
    expectRefused(docs, 404, withdraw(ADA, 'vo_gone'), /no vote with id "vo_gone"/)
    expectRefused(docs, 409, withdraw(ADA, vote.id, minutesLater(60)), /ended/)
    revealVoteSession(review, privateDoc, SERVER, ED, session.id, NOW)
    expectRefused(docs, 409, withdraw(), /is revealed/)
  })

  it('does not take a vote of another session', () => {
    const { review, privateDoc, journey, items, session, docs } = withSession({ hidden: false })
    const { vote } = castVote(
      review,
      privateDoc,
      SERVER,
      ADA,
      journey,
      session.id,
      items.card0,
      NOW,
    )
    cancelVoteSession(review, privateDoc, SERVER, ED, session.id, NOW)
    const next = startVoteSession(
      review,
      SERVER,
      ED,
      journey,
      { items: [items.card0], hidden: false },
      NOW,
    )
    expectRefused(docs, 404, () =>
      withdrawVote(review, privateDoc, SERVER, ADA, next.id, vote.id, NOW),
    )
  })
})

describe('myVotes', () => {
  it('answers 404 for an unknown session and 400 for a bad participant id', () => {
    const { review, privateDoc, session, docs } = withSession()
    expectRefused(docs, 404, () => myVotes(review, privateDoc, ADA.participant.id, 'vs_gone'))
    expectRefused(docs, 400, () => myVotes(review, privateDoc, 'not an id', session.id))
  })
})
