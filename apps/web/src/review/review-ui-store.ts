import type { CommentAnchor } from '@touchline/model'
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { CommentsTab } from './comments/thread-groups'
import { markSeen, type SeenMarks } from './comments/unread'
import type { Thread } from './review-store'

/** The threads open in the popover: those of one card, item, stage or canvas spot. */
export interface ThreadTarget {
  anchor: CommentAnchor
  /** A thread to bring into view (from the comments panel); null shows them all. */
  threadId: string | null
  /** Put the caret in the new-comment field, as the `C` key and the comment tool do. */
  compose: boolean
}

/** Where this browser has something unread, so cards and headers can each ask for theirs. */
export interface UnreadPlaces {
  threads: ReadonlySet<string>
  touchpoints: ReadonlySet<string>
  stages: ReadonlySet<string>
}

/**
 * This person's way of looking at the review: which threads are open, the comment tool,
 * what has been seen, whose results colour the map. Never sent anywhere; the review itself
 * is in the review store.
 */
export interface ReviewUiState {
  /** The comment tool: the next click on the map drops a pin or opens a card's threads. */
  commentMode: boolean
  target: ThreadTarget | null
  /** Resolved threads are off the map (pins, badges) unless asked for. */
  showResolved: boolean
  commentsTab: CommentsTab
  marks: SeenMarks
  unread: UnreadPlaces
  /** The revealed session whose heat is drawn on the cards; null draws none. */
  heatSessionId: string | null
  /** The start-a-vote dialog is open. */
  startingVote: boolean
  /** The open session whose end time has passed: voting is over until the reveal. */
  endedSessionId: string | null
}

export type ReviewUiStore = StoreApi<ReviewUiState>

export const NO_UNREAD: UnreadPlaces = {
  threads: new Set(),
  touchpoints: new Set(),
  stages: new Set(),
}

export function createReviewUiStore(marks: SeenMarks): ReviewUiStore {
  return createStore<ReviewUiState>()(() => ({
    commentMode: false,
    target: null,
    showResolved: false,
    commentsTab: 'open',
    marks,
    unread: NO_UNREAD,
    heatSessionId: null,
    startingVote: false,
    endedSessionId: null,
  }))
}

/** Opens a card's, item's, stage's or spot's threads; the comment tool has done its job. */
export function openThreads(store: ReviewUiStore, target: ThreadTarget): void {
  store.setState({ target, commentMode: false })
}

export function closeThreads(store: ReviewUiStore): void {
  if (store.getState().target) store.setState({ target: null })
}

export function setCommentMode(store: ReviewUiStore, commentMode: boolean): void {
  store.setState(commentMode ? { commentMode, target: null } : { commentMode })
}

export function rememberSeen(store: ReviewUiStore, threads: readonly Thread[]): void {
  const { marks } = store.getState()
  const next = markSeen(marks, threads)
  if (next !== marks) store.setState({ marks: next })
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((key) => b.has(key))
}

/** Replaces each set only when its content changed, so only the cards it concerns re-render. */
export function setUnread(store: ReviewUiStore, next: UnreadPlaces): void {
  const { unread } = store.getState()
  const merged: UnreadPlaces = {
    threads: sameSet(unread.threads, next.threads) ? unread.threads : next.threads,
    touchpoints: sameSet(unread.touchpoints, next.touchpoints)
      ? unread.touchpoints
      : next.touchpoints,
    stages: sameSet(unread.stages, next.stages) ? unread.stages : next.stages,
  }
  if (
    merged.threads !== unread.threads ||
    merged.touchpoints !== unread.touchpoints ||
    merged.stages !== unread.stages
  ) {
    store.setState({ unread: merged })
  }
}

/** Escape's share of the review: the open threads first, then the comment tool. */
export function closeReviewOverlay(store: ReviewUiStore): boolean {
  const { target, commentMode } = store.getState()
  if (target) {
    store.setState({ target: null })
    return true
  }
  if (commentMode) {
    store.setState({ commentMode: false })
    return true
  }
  return false
}
