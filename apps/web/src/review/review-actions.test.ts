import type { Vote } from '@touchline/model'
import { describe, expect, it, vi } from 'vitest'
import { createReviewActions } from './review-actions.js'
import type { ReviewApi } from './review-api.js'
import { createReviewStore, selectMyVotes } from './review-store.js'

const item = { touchpointId: 'tp1', itemId: null, list: null }
const voter = { id: 'p1', name: 'Ada', color: '#4f46e5' }
const vote = (id: string): Vote => ({
  id,
  sessionId: 's1',
  voter,
  item,
  createdAt: '2026-12-07T12:00:00.000Z',
})

function fakeApi(overrides: Partial<ReviewApi>): ReviewApi {
  const missing = () => Promise.reject(new Error('not expected in this test'))
  return {
    getReview: missing,
    addComment: missing,
    updateComment: missing,
    deleteComment: missing,
    startVoteSession: missing,
    castVote: missing,
    withdrawVote: missing,
    myVotes: missing,
    reveal: missing,
    cancel: missing,
    createShareLink: missing,
    listShareLinks: missing,
    revokeShareLink: missing,
    ...overrides,
  }
}

describe('review actions', () => {
  it('keeps this person’s votes from the server’s answers', async () => {
    const store = createReviewStore()
    const api = fakeApi({
      myVotes: async () => ({ votes: [vote('v1')], remaining: 2 }),
      castVote: async () => ({ vote: vote('v2'), remaining: 1 }),
      withdrawVote: async () => ({ remaining: 2 }),
    })
    const actions = createReviewActions(api, store)
    await actions.refreshMyVotes('s1')
    await actions.castVote('s1', item)
    expect(selectMyVotes('s1')(store.getState())).toEqual({
      votes: [vote('v1'), vote('v2')],
      remaining: 1,
    })
    await actions.withdrawVote('s1', 'v1')
    expect(selectMyVotes('s1')(store.getState())).toEqual({ votes: [vote('v2')], remaining: 2 })
  })

  it('asks for the whole list when it has none to add a vote to', async () => {
    const store = createReviewStore()
    const myVotes = vi.fn(async () => ({ votes: [vote('v0'), vote('v1')], remaining: 1 }))
    const actions = createReviewActions(
      fakeApi({ myVotes, castVote: async () => ({ vote: vote('v1'), remaining: 1 }) }),
      store,
    )
    await actions.castVote('s1', item)
    expect(myVotes).toHaveBeenCalledWith('s1')
    expect(selectMyVotes('s1')(store.getState())?.votes).toHaveLength(2)
  })

  it('edits, resolves and reopens through the comment route', async () => {
    const updateComment = vi.fn(() => Promise.reject(new Error('refused')))
    const actions = createReviewActions(fakeApi({ updateComment }), createReviewStore())
    await expect(actions.editComment('c1', 'new text', ['p2'])).rejects.toThrow('refused')
    await expect(actions.editComment('c1', 'plain')).rejects.toThrow()
    await expect(actions.setResolved('c1', true)).rejects.toThrow()
    expect(updateComment.mock.calls).toEqual([
      ['c1', { body: 'new text', mentions: ['p2'] }],
      ['c1', { body: 'plain' }],
      ['c1', { resolved: true }],
    ])
  })
})
