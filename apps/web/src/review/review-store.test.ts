import type {
  Comment,
  CommentAnchor,
  Participant,
  ReviewState,
  VoteSession,
} from '@touchline/model'
import { describe, expect, it } from 'vitest'
import {
  anchorKey,
  applyReview,
  createReviewStore,
  selectMyVotes,
  selectOpenSession,
  selectParticipants,
  selectStageCount,
  selectThreads,
  selectTouchpointCount,
  selectVoterCount,
  setMyVotes,
  setPresent,
} from './review-store.js'

const ada: Participant = { id: 'p_ada', name: 'Ada', color: '#4f46e5' }
const bo: Participant = { id: 'p_bo', name: 'Bo', color: '#0891b2' }
const cy: Participant = { id: 'p_cy', name: 'Cy', color: '#059669' }

let clock = 0
function comment(id: string, anchor: CommentAnchor, patch: Partial<Comment> = {}): Comment {
  clock += 1
  return {
    id,
    anchor,
    parentId: null,
    author: ada,
    body: `comment ${id}`,
    mentions: [],
    createdAt: new Date(Date.UTC(2026, 11, 7, 12, 0, clock)).toISOString(),
    editedAt: null,
    resolved: false,
    resolvedBy: null,
    ...patch,
  }
}

function review(comments: Comment[], sessions: VoteSession[] = []): ReviewState {
  return { comments, sessions, voters: {}, votes: [] }
}

const onCard: CommentAnchor = { type: 'touchpoint', id: 'tp1' }
const onPain: CommentAnchor = {
  type: 'item',
  touchpointId: 'tp1',
  itemId: 'i1',
  list: 'painPoints',
}
const onStage: CommentAnchor = { type: 'stage', id: 's1' }

describe('review store', () => {
  it('groups replies under their thread, oldest first, whatever order the doc lists them in', () => {
    const store = createReviewStore()
    const start = comment('c1', onCard)
    const reply = comment('c2', onCard, { parentId: 'c1', author: bo })
    const later = comment('c3', onCard)
    applyReview(store, review([later, reply, start]))
    const threads = selectThreads(onCard)(store.getState())
    expect(threads.map((thread) => thread.comment.id)).toEqual(['c1', 'c3'])
    expect(threads[0]?.replies.map((r) => r.id)).toEqual(['c2'])
    expect(selectThreads({ type: 'touchpoint', id: 'other' })(store.getState())).toEqual([])
  })

  it('counts open and resolved threads per card (its items included) and per stage', () => {
    const store = createReviewStore()
    applyReview(
      store,
      review([
        comment('c1', onCard),
        comment('c2', onPain, { resolved: true, resolvedBy: bo }),
        comment('c3', onCard, { parentId: 'c1' }),
        comment('c4', onStage),
        comment('c5', { type: 'canvas', x: 10, y: 20 }),
      ]),
    )
    const state = store.getState()
    expect(selectTouchpointCount('tp1')(state)).toEqual({ open: 1, resolved: 1 })
    expect(selectStageCount('s1')(state)).toEqual({ open: 1, resolved: 0 })
    expect(selectStageCount('s2')(state)).toEqual({ open: 0, resolved: 0 })
    expect(selectThreads({ type: 'canvas', x: 10, y: 20 })(state)).toHaveLength(1)
  })

  it('keeps what did not change identical, so only the affected card re-renders', () => {
    const store = createReviewStore()
    const elsewhere: CommentAnchor = { type: 'touchpoint', id: 'tp2' }
    const first = [comment('c1', onCard), comment('c2', elsewhere)]
    applyReview(store, review(first))
    const before = store.getState()
    // The doc is read afresh on every change: equal comments arrive as new objects.
    const edited = { ...first[1], body: 'edited', editedAt: '2026-12-07T13:00:00.000Z' } as Comment
    applyReview(store, review([{ ...(first[0] as Comment) }, edited]))
    const after = store.getState()
    expect(selectThreads(onCard)(after)).toBe(selectThreads(onCard)(before))
    expect(selectTouchpointCount('tp1')(after)).toBe(selectTouchpointCount('tp1')(before))
    expect(selectThreads(elsewhere)(after)).not.toBe(selectThreads(elsewhere)(before))
    expect(selectThreads(elsewhere)(after)[0]?.comment.body).toBe('edited')
  })

  it('finds the open session and how many have voted', () => {
    const store = createReviewStore()
    const session = (id: string, status: VoteSession['status']): VoteSession => ({
      id,
      status,
      title: 'Dot vote',
      items: [{ touchpointId: 'tp1', itemId: null, list: null }],
      votesPerPerson: 3,
      allowMultiplePerItem: false,
      hidden: true,
      endsAt: null,
      createdBy: ada,
      createdAt: '2026-12-07T12:00:00.000Z',
      revealedAt: null,
      results: null,
    })
    expect(selectOpenSession(store.getState())).toBeNull()
    applyReview(store, {
      ...review([], [session('v1', 'revealed'), session('v2', 'open')]),
      voters: { v2: ['p_bo', 'p_cy'] },
    })
    expect(selectOpenSession(store.getState())?.id).toBe('v2')
    expect(selectVoterCount('v2')(store.getState())).toBe(2)
    expect(selectVoterCount('v1')(store.getState())).toBe(0)
    expect(selectMyVotes('v2')(store.getState())).toBeNull()
    setMyVotes(store, 'v2', { votes: [], remaining: 3 })
    expect(selectMyVotes('v2')(store.getState())).toEqual({ votes: [], remaining: 3 })
  })

  it('lists who can be mentioned: people here now first, then past authors, each once', () => {
    const store = createReviewStore()
    applyReview(
      store,
      review([comment('c1', onCard, { author: cy }), comment('c2', onCard, { author: ada })]),
    )
    setPresent(store, [ada, bo])
    expect(selectParticipants(store.getState())).toEqual([ada, bo, cy])
    const people = selectParticipants(store.getState())
    setPresent(store, [{ ...ada }, { ...bo }])
    expect(selectParticipants(store.getState())).toBe(people)
  })

  it('keys anchors so that distinct places never share threads', () => {
    const keys = [
      anchorKey(onCard),
      anchorKey({ type: 'stage', id: 'tp1' }),
      anchorKey(onPain),
      anchorKey({ ...onPain, list: 'opportunities' }),
      anchorKey({ type: 'canvas', x: 1, y: 2 }),
      anchorKey({ type: 'canvas', x: 12, y: 0 }),
    ]
    expect(new Set(keys).size).toBe(keys.length)
  })
})
