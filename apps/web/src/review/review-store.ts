import type {
  Comment,
  CommentAnchor,
  Participant,
  ReviewState,
  Vote,
  VoteSession,
} from '@touchline/model'
import { createStore, type StoreApi } from 'zustand/vanilla'

/** This person's own votes in one session and what is left of their budget, as the server says. */
export interface MyVotes {
  votes: readonly Vote[]
  remaining: number
}

/** A top-level comment and its replies, oldest first. */
export interface Thread {
  comment: Comment
  replies: readonly Comment[]
}

/** Threads on one card or stage; `open` is what a badge shows, `resolved` what it hides. */
export interface CommentCount {
  open: number
  resolved: number
}

/**
 * The review of the open journey: what the server wrote into the read-only review doc, this
 * person's votes (only the server knows them while a session is hidden), and indexes the canvas
 * reads per card. Indexes keep their object identity while their content is unchanged, so a
 * card's selector re-renders that card only when its own threads or count changed.
 */
export interface ReviewStoreState extends ReviewState {
  myVotes: Readonly<Record<string, MyVotes>>
  /** The review doc has been received from the server at least once. */
  synced: boolean
  /** People on the journey now (from awareness), this person first. */
  present: readonly Participant[]
  /** Every thread, oldest first. */
  threads: readonly Thread[]
  threadsByAnchor: ReadonlyMap<string, readonly Thread[]>
  /** Per touchpoint, its own threads and those on its pain points and opportunities. */
  countsByTouchpoint: Readonly<Record<string, CommentCount>>
  countsByStage: Readonly<Record<string, CommentCount>>
  /** Who can be mentioned: the people here now, then everyone who has commented. */
  participants: readonly Participant[]
}

export type ReviewStore = StoreApi<ReviewStoreState>

const NO_THREADS: readonly Thread[] = []
const NO_COMMENTS: CommentCount = { open: 0, resolved: 0 }

/** The key threads are grouped under: one per card, stage, listed item or canvas spot. */
export function anchorKey(anchor: CommentAnchor): string {
  switch (anchor.type) {
    case 'touchpoint':
      return `touchpoint:${anchor.id}`
    case 'stage':
      return `stage:${anchor.id}`
    case 'item':
      return `item:${anchor.touchpointId}:${anchor.list}:${anchor.itemId}`
    case 'canvas':
      return `canvas:${anchor.x},${anchor.y}`
  }
}

function byCreation(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) {
  return a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt < b.createdAt ? -1 : 1
}

function sameParticipant(a: Participant | null, b: Participant | null): boolean {
  return (
    a === b ||
    (a !== null && b !== null && a.id === b.id && a.name === b.name && a.color === b.color)
  )
}

function sameComment(a: Comment, b: Comment): boolean {
  return (
    a.body === b.body &&
    a.editedAt === b.editedAt &&
    a.resolved === b.resolved &&
    a.parentId === b.parentId &&
    anchorKey(a.anchor) === anchorKey(b.anchor) &&
    sameParticipant(a.author, b.author) &&
    sameParticipant(a.resolvedBy, b.resolvedBy) &&
    a.mentions.length === b.mentions.length &&
    a.mentions.every((id, index) => b.mentions[index] === id)
  )
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => b[index] === item)
}

function buildThreads(comments: readonly Comment[], previous: readonly Thread[]): Thread[] {
  const before = new Map(previous.map((thread) => [thread.comment.id, thread]))
  const replies = new Map<string, Comment[]>()
  for (const comment of comments) {
    if (comment.parentId === null) continue
    const list = replies.get(comment.parentId) ?? []
    list.push(comment)
    replies.set(comment.parentId, list)
  }
  return comments
    .filter((comment) => comment.parentId === null)
    .sort(byCreation)
    .map((comment) => {
      const own = (replies.get(comment.id) ?? []).sort(byCreation)
      const old = before.get(comment.id)
      if (old && old.comment === comment && sameList(old.replies, own)) return old
      return { comment, replies: old && sameList(old.replies, own) ? old.replies : own }
    })
}

function groupByAnchor(
  threads: readonly Thread[],
  previous: ReadonlyMap<string, readonly Thread[]>,
): Map<string, readonly Thread[]> {
  const groups = new Map<string, Thread[]>()
  for (const thread of threads) {
    const key = anchorKey(thread.comment.anchor)
    const group = groups.get(key) ?? []
    group.push(thread)
    groups.set(key, group)
  }
  const result = new Map<string, readonly Thread[]>()
  for (const [key, group] of groups) {
    const old = previous.get(key)
    result.set(key, old && sameList(old, group) ? old : group)
  }
  return result
}

function countBy(
  threads: readonly Thread[],
  keyOf: (anchor: CommentAnchor) => string | null,
  previous: Readonly<Record<string, CommentCount>>,
): Record<string, CommentCount> {
  const counts: Record<string, CommentCount> = {}
  for (const { comment } of threads) {
    const key = keyOf(comment.anchor)
    if (key === null) continue
    const count = counts[key] ?? { open: 0, resolved: 0 }
    if (comment.resolved) count.resolved += 1
    else count.open += 1
    counts[key] = count
  }
  for (const [key, count] of Object.entries(counts)) {
    const old = previous[key]
    if (old && old.open === count.open && old.resolved === count.resolved) counts[key] = old
  }
  return counts
}

const touchpointOf = (anchor: CommentAnchor): string | null =>
  anchor.type === 'touchpoint' ? anchor.id : anchor.type === 'item' ? anchor.touchpointId : null

const stageOf = (anchor: CommentAnchor): string | null =>
  anchor.type === 'stage' ? anchor.id : null

function mentionable(present: readonly Participant[], comments: readonly Comment[]): Participant[] {
  const people = new Map<string, Participant>()
  for (const person of present) if (person.id) people.set(person.id, person)
  const authors = [...comments].sort(byCreation).reverse()
  for (const { author } of authors) if (!people.has(author.id)) people.set(author.id, author)
  return [...people.values()]
}

const EMPTY_REVIEW: ReviewState = { comments: [], sessions: [], voters: {}, votes: [] }

export function createReviewStore(): ReviewStore {
  return createStore<ReviewStoreState>()(() => ({
    ...EMPTY_REVIEW,
    myVotes: {},
    synced: false,
    present: [],
    threads: NO_THREADS,
    threadsByAnchor: new Map(),
    countsByTouchpoint: {},
    countsByStage: {},
    participants: [],
  }))
}

/** Replaces the review with what the doc now holds, keeping unchanged comments' identity. */
export function applyReview(store: ReviewStore, review: ReviewState): void {
  const state = store.getState()
  const known = new Map(state.comments.map((comment) => [comment.id, comment]))
  const comments = review.comments.map((comment) => {
    const old = known.get(comment.id)
    return old && sameComment(old, comment) ? old : comment
  })
  const threads = buildThreads(comments, state.threads)
  store.setState({
    comments,
    sessions: review.sessions,
    voters: review.voters,
    votes: review.votes,
    threads,
    threadsByAnchor: groupByAnchor(threads, state.threadsByAnchor),
    countsByTouchpoint: countBy(threads, touchpointOf, state.countsByTouchpoint),
    countsByStage: countBy(threads, stageOf, state.countsByStage),
    participants: mentionable(state.present, comments),
  })
}

export function setPresent(store: ReviewStore, present: readonly Participant[]): void {
  const state = store.getState()
  const same =
    present.length === state.present.length &&
    present.every((person, index) => sameParticipant(person, state.present[index] ?? null))
  if (same) return
  store.setState({ present, participants: mentionable(present, state.comments) })
}

export function setMyVotes(store: ReviewStore, sessionId: string, mine: MyVotes): void {
  store.setState((state) => ({ myVotes: { ...state.myVotes, [sessionId]: mine } }))
}

export const selectThreads =
  (anchor: CommentAnchor) =>
  (state: ReviewStoreState): readonly Thread[] =>
    state.threadsByAnchor.get(anchorKey(anchor)) ?? NO_THREADS

export const selectTouchpointCount =
  (touchpointId: string) =>
  (state: ReviewStoreState): CommentCount =>
    state.countsByTouchpoint[touchpointId] ?? NO_COMMENTS

export const selectStageCount =
  (stageId: string) =>
  (state: ReviewStoreState): CommentCount =>
    state.countsByStage[stageId] ?? NO_COMMENTS

/** The session people are voting in now; at most one is open per journey. */
export const selectOpenSession = (state: ReviewStoreState): VoteSession | null =>
  state.sessions.find((session) => session.status === 'open') ?? null

/** Null until the server has said (see `refreshMyVotes`); hidden votes are known only there. */
export const selectMyVotes =
  (sessionId: string) =>
  (state: ReviewStoreState): MyVotes | null =>
    state.myVotes[sessionId] ?? null

/** How many people have voted in a session: what a facilitator sees while votes are hidden. */
export const selectVoterCount =
  (sessionId: string) =>
  (state: ReviewStoreState): number =>
    state.voters[sessionId]?.length ?? 0

export const selectParticipants = (state: ReviewStoreState): readonly Participant[] =>
  state.participants
