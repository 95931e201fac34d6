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
import {
  addReviewComment,
  deleteReviewComment,
  editReviewComment,
  setCommentResolved,
} from './review-comment-mutations.js'
import { reviewMap } from './review-layout.js'

const canvas = { type: 'canvas', x: 10, y: 20 } as const

function withThread() {
  const fixture = reviewFixture()
  const { review, journey } = fixture
  const thread = addReviewComment(
    review,
    SERVER,
    ADA,
    journey,
    { anchor: canvas, body: 'Why?' },
    NOW,
  )
  const reply = addReviewComment(
    review,
    SERVER,
    BO,
    journey,
    { parentId: thread.id, body: 'Because' },
    NOW,
  )
  return { ...fixture, thread, reply }
}

describe('addReviewComment', () => {
  it('starts threads on every kind of anchor, in one transaction with the origin', () => {
    const { review, journey, tps, stages, items } = reviewFixture()
    const origins = transactionsOf(review)
    const anchors = [
      { type: 'touchpoint', id: tps[1] ?? '' },
      { type: 'stage', id: stages[2] ?? '' },
      { type: 'item', ...items.pain },
      { type: 'item', ...items.idea },
      canvas,
    ] as const
    const added = anchors.map((anchor) =>
      addReviewComment(review, SERVER, ADA, journey, { anchor, body: 'Look' }, NOW),
    )
    expect(origins).toEqual(anchors.map(() => SERVER))
    expect(added[0]).toMatchObject({
      anchor: anchors[0],
      parentId: null,
      author: ADA.participant,
      body: 'Look',
      mentions: [],
      createdAt: NOW.toISOString(),
      editedAt: null,
      resolved: false,
      resolvedBy: null,
    })
    expect(readReview(review).comments).toEqual(added)
  })

  it('takes the thread anchor for a reply, and keeps mentions once each', () => {
    const { review, journey, thread } = withThread()
    const reply = addReviewComment(
      review,
      SERVER,
      ED,
      journey,
      {
        parentId: thread.id,
        anchor: { type: 'stage', id: 'st_other' },
        body: '@Ada @Bo',
        mentions: ['pa_ada', 'pa_bo', 'pa_ada'],
      },
      NOW,
    )
    expect(reply).toMatchObject({
      parentId: thread.id,
      anchor: canvas,
      mentions: ['pa_ada', 'pa_bo'],
    })
  })

  it('refuses, changing nothing: viewers, bad input, unknown targets, replies to replies, a full review', () => {
    const { review, journey, reply, tps } = withThread()
    const add =
      (input: Parameters<typeof addReviewComment>[4], who = ADA) =>
      () =>
        addReviewComment(review, SERVER, who, journey, input, NOW)
    expectRefused([review], 403, add({ anchor: canvas, body: 'x' }, VI), /a viewer cannot comment/)
    expectRefused([review], 400, add({ anchor: canvas, body: '' }), /body: must not be empty/)
    expectRefused([review], 400, add({ body: 'x' }), /anchor: is required/)
    expectRefused([review], 400, add({ anchor: { type: 'canvas', x: 'left' } as never, body: 'x' }))
    expectRefused(
      [review],
      400,
      add({ anchor: canvas, body: 'x', mentions: ['Ada Lovelace'] }),
      /mentions\[0\]/,
    )
    const many = Array.from({ length: LIMITS.mentions + 1 }, (_, i) => `pa_${i}`)
    expectRefused([review], 400, add({ anchor: canvas, body: 'x', mentions: many }), /mentions/)
    expectRefused(
      [review],
      400,
      add(
        { anchor: canvas, body: 'x' },
        { ...ADA, participant: { ...ADA.participant, color: 'red' } },
      ),
      /author\.color/,
    )
    expectRefused(
      [review],
      404,
      add({ anchor: { type: 'touchpoint', id: 'tp_gone' }, body: 'x' }),
      /anchor\.id: no touchpoint/,
    )
    expectRefused(
      [review],
      404,
      add({ anchor: { type: 'stage', id: 'st_gone' }, body: 'x' }),
      /anchor\.id: no stage/,
    )
    expectRefused(
      [review],
      404,
      add({
        anchor: { type: 'item', touchpointId: tps[0] ?? '', itemId: 'it_gone', list: 'painPoints' },
        body: 'x',
      }),
      /anchor\.itemId: touchpoint ".*" has no pain point with id "it_gone"/,
    )
    expectRefused([review], 404, add({ parentId: 'cm_gone', body: 'x' }), /parentId: no comment/)
    expectRefused([review], 400, add({ parentId: reply.id, body: 'x' }), /is itself a reply/)
    const comments = reviewMap(review, 'comments')
    review.transact(() => {
      for (let i = comments.size; i < LIMITS.comments; i++)
        comments.set(`cm_fill_${i}`, new Y.Map())
    })
    expectRefused([review], 409, add({ anchor: canvas, body: 'x' }), /at most 10000 comments/)
  })
})

describe('editReviewComment', () => {
  it('lets the author change the text and mentions, stamping editedAt', () => {
    const { review, thread } = withThread()
    const origins = transactionsOf(review)
    const edited = editReviewComment(
      review,
      SERVER,
      ADA,
      thread.id,
      'Why here?',
      ['pa_bo'],
      minutesLater(5),
    )
    expect(edited).toEqual({
      ...thread,
      body: 'Why here?',
      mentions: ['pa_bo'],
      editedAt: minutesLater(5).toISOString(),
    })
    expect(readReview(review).comments[0]).toEqual(edited)
    expect(origins).toEqual([SERVER])
    const unchanged = editReviewComment(
      review,
      SERVER,
      ADA,
      thread.id,
      'Why here?',
      undefined,
      minutesLater(9),
    )
    expect(unchanged).toEqual(edited)
    expect(origins).toEqual([SERVER])
  })

  it("refuses anyone else's comment, editors included, and bad input, changing nothing", () => {
    const { review, thread } = withThread()
    const edit =
      (who: typeof ADA, body = 'Mine now', id = thread.id) =>
      () =>
        editReviewComment(review, SERVER, who, id, body, undefined, NOW)
    expectRefused([review], 403, edit(BO), /only its author/)
    expectRefused([review], 403, edit(ED), /only its author/)
    expectRefused([review], 403, edit(VI), /a viewer cannot/)
    expectRefused([review], 400, edit(ADA, ''), /body/)
    expectRefused([review], 404, edit(ADA, 'x', 'cm_gone'), /no comment with id "cm_gone"/)
  })
})

describe('deleteReviewComment', () => {
  it('deletes a reply alone, and a thread with its replies', () => {
    const { review, journey, thread, reply } = withThread()
    const other = addReviewComment(
      review,
      SERVER,
      BO,
      journey,
      { parentId: thread.id, body: 'Me too' },
      NOW,
    )
    deleteReviewComment(review, SERVER, BO, reply.id)
    expect(readReview(review).comments.map((c) => c.id)).toEqual([thread.id, other.id])
    const origins = transactionsOf(review)
    deleteReviewComment(review, SERVER, ADA, thread.id)
    expect(readReview(review).comments).toEqual([])
    expect(origins).toEqual([SERVER])
  })

  it("lets an editor delete anyone's, and refuses other commenters and viewers", () => {
    const { review, thread, reply } = withThread()
    expectRefused(
      [review],
      403,
      () => deleteReviewComment(review, SERVER, ADA, reply.id),
      /only its author or an editor/,
    )
    expectRefused([review], 403, () => deleteReviewComment(review, SERVER, VI, thread.id))
    expectRefused([review], 404, () => deleteReviewComment(review, SERVER, ED, 'cm_gone'))
    deleteReviewComment(review, SERVER, ED, reply.id)
    expect(readReview(review).comments.map((c) => c.id)).toEqual([thread.id])
  })
})

describe('setCommentResolved', () => {
  it('lets the thread author or an editor resolve and reopen, recording who resolved', () => {
    const { review, thread } = withThread()
    const origins = transactionsOf(review)
    expect(setCommentResolved(review, SERVER, ADA, thread.id, true, NOW)).toMatchObject({
      resolved: true,
      resolvedBy: ADA.participant,
    })
    expect(setCommentResolved(review, SERVER, ED, thread.id, false, NOW)).toMatchObject({
      resolved: false,
      resolvedBy: null,
    })
    expect(setCommentResolved(review, SERVER, FAY, thread.id, true, NOW).resolvedBy).toEqual(
      FAY.participant,
    )
    expect(origins).toEqual([SERVER, SERVER, SERVER])
    setCommentResolved(review, SERVER, FAY, thread.id, true, NOW)
    expect(origins).toHaveLength(3)
    expect(readReview(review).comments[0]).toMatchObject({
      resolved: true,
      resolvedBy: FAY.participant,
    })
  })

  it('refuses replies, other commenters, viewers and unknown comments, changing nothing', () => {
    const { review, thread, reply } = withThread()
    const resolve = (who: typeof ADA, id: string) => () =>
      setCommentResolved(review, SERVER, who, id, true, NOW)
    expectRefused([review], 400, resolve(ADA, reply.id), /is a reply/)
    expectRefused([review], 403, resolve(BO, thread.id), /author of the thread or an editor/)
    expectRefused([review], 403, resolve(VI, thread.id))
    expectRefused([review], 404, resolve(ED, 'cm_gone'))
    expectRefused([review], 400, () =>
      setCommentResolved(review, SERVER, ADA, thread.id, 'yes' as never, NOW),
    )
  })
})
