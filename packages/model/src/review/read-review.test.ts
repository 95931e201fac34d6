import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { observeReview } from './observe-review.js'
import { type ReviewState, readReview } from './read-review.js'
import { ADA, BO, ED, NOW, reviewFixture, SERVER } from './review.test-support.js'
import { addReviewComment, editReviewComment } from './review-comment-mutations.js'
import { reviewMap } from './review-layout.js'
import { castVote } from './vote-mutations.js'
import { startVoteSession } from './vote-session-mutations.js'

const canvas = { type: 'canvas', x: 0, y: 0 } as const

describe('readReview', () => {
  it('reads an empty review doc', () => {
    expect(readReview(new Y.Doc())).toEqual({ comments: [], sessions: [], voters: {}, votes: [] })
  })

  it('leaves out entries that are not valid, and never shares objects with the doc', () => {
    const { review, journey } = reviewFixture()
    const comment = addReviewComment(
      review,
      SERVER,
      ADA,
      journey,
      { anchor: canvas, body: 'Ok' },
      NOW,
    )
    const comments = reviewMap(review, 'comments')
    comments.set('cm_text', 'not a map' as never)
    comments.set('cm_bad', new Y.Map<unknown>([['body', 42]]))
    comments.set('__proto__', new Y.Map<unknown>(Object.entries({ ...comment, id: '__proto__' })))
    reviewMap(review, 'voters').set(
      'vs_x',
      new Y.Map<unknown>([
        ['pa_a', true],
        ['pa_b', 'yes'],
        ['bad id', true],
      ]),
    )
    const state = readReview(review)
    expect(state.comments).toEqual([comment])
    expect(state.voters).toEqual({ vs_x: ['pa_a'] })
    const read = state.comments[0]
    if (!read) throw new Error('comment expected')
    read.author.name = 'Mallory'
    expect(readReview(review).comments[0]?.author.name).toBe('Ada')
  })
})

describe('observeReview', () => {
  it('reports the whole state once per transaction, reusing what did not change', () => {
    const { review, privateDoc, journey, items } = reviewFixture()
    const first = addReviewComment(
      review,
      SERVER,
      ADA,
      journey,
      { anchor: canvas, body: 'One' },
      NOW,
    )
    const calls: ReviewState[] = []
    const stop = observeReview(review, (state) => calls.push(state))
    const session = startVoteSession(
      review,
      SERVER,
      ED,
      journey,
      { items: [items.card0], hidden: false },
      NOW,
    )
    castVote(review, privateDoc, SERVER, BO, journey, session.id, items.card0, NOW)
    editReviewComment(review, SERVER, ADA, first.id, 'One, edited', undefined, NOW)
    expect(calls).toHaveLength(3)
    const [afterStart, afterVote, afterEdit] = calls as [ReviewState, ReviewState, ReviewState]
    expect(afterStart.sessions).toEqual([session])
    expect(afterStart.comments[0]).toEqual(first)
    expect(afterVote.comments).toBe(afterStart.comments)
    expect(afterVote.sessions).toBe(afterStart.sessions)
    expect(afterVote.voters).toEqual({ [session.id]: [BO.participant.id] })
    expect(afterEdit.votes).toBe(afterVote.votes)
    expect(afterEdit.comments[0]?.body).toBe('One, edited')
    for (const state of calls) expect(JSON.parse(JSON.stringify(state))).toEqual(state)
    expect(afterEdit).toEqual(readReview(review))
    stop()
    addReviewComment(review, SERVER, ADA, journey, { anchor: canvas, body: 'Unheard' }, NOW)
    expect(calls).toHaveLength(3)
  })

  it('coalesces a remote update of many changes into one call', () => {
    const { review, journey } = reviewFixture()
    const replica = new Y.Doc()
    const calls: ReviewState[] = []
    observeReview(replica, (state) => calls.push(state))
    for (const body of ['a', 'b', 'c']) {
      addReviewComment(review, SERVER, ADA, journey, { anchor: canvas, body }, NOW)
    }
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(review), 'socket')
    expect(calls).toHaveLength(1)
    expect(calls[0]?.comments.map((c) => c.body)).toEqual(['a', 'b', 'c'])
  })
})
