import type * as Y from 'yjs'
import {
  REVIEW_READERS,
  type ReviewEntryOf,
  type ReviewState,
  readEntries,
  sortedById,
  votersRecord,
} from './read-review.js'
import { REVIEW_MAPS, type ReviewMapName, reviewMap } from './review-layout.js'

type Entries = { [K in ReviewMapName]: Map<string, ReviewEntryOf[K]> }

function stateOf(entries: Entries): ReviewState {
  return {
    comments: sortedById(entries.comments),
    sessions: sortedById(entries.sessions),
    voters: votersRecord(entries.voters),
    votes: sortedById(entries.votes),
  }
}

function reread<K extends ReviewMapName>(
  review: Y.Doc,
  name: K,
  previous: Map<string, ReviewEntryOf[K]>,
  changed: ReadonlySet<string>,
): Map<string, ReviewEntryOf[K]> {
  const read = REVIEW_READERS[name] as (value: unknown, id: string) => ReviewEntryOf[K] | undefined
  const map = reviewMap(review, name)
  const next = new Map(previous)
  for (const id of changed) {
    const entry = read(map.get(id), id)
    if (entry) next.set(id, entry)
    else next.delete(id)
  }
  return next
}

/**
 * Calls `listener` with the whole public review once per transaction that changed it (a
 * server mutation, or one update from the socket), never in between. Only the changed
 * entries are read again; a list nothing changed in is the very array of the previous
 * state, and an unchanged entry the very object, so a UI can skip re-rendering them.
 * Start from `readReview(review)`; returns the unsubscribe function.
 */
export function observeReview(review: Y.Doc, listener: (state: ReviewState) => void): () => void {
  let entries: Entries = {
    comments: readEntries(review, 'comments'),
    sessions: readEntries(review, 'sessions'),
    voters: readEntries(review, 'voters'),
    votes: readEntries(review, 'votes'),
  }
  let state = stateOf(entries)
  let pending: Map<ReviewMapName, Set<string>> | null = null

  const observers = REVIEW_MAPS.map((name) => {
    const map = reviewMap(review, name)
    const collect = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      pending ??= new Map()
      let ids = pending.get(name)
      if (!ids) {
        ids = new Set()
        pending.set(name, ids)
      }
      for (const event of events) {
        const [first] = event.path
        if (typeof first === 'string') ids.add(first)
        else for (const key of event.keys.keys()) ids.add(key)
      }
    }
    map.observeDeep(collect)
    return () => map.unobserveDeep(collect)
  })

  const flush = () => {
    if (!pending) return
    const changed = pending
    pending = null
    const update = <K extends ReviewMapName>(name: K): Map<string, ReviewEntryOf[K]> => {
      const ids = changed.get(name)
      return ids ? reread(review, name, entries[name], ids) : entries[name]
    }
    entries = {
      comments: update('comments'),
      sessions: update('sessions'),
      voters: update('voters'),
      votes: update('votes'),
    }
    state = {
      comments: changed.has('comments') ? sortedById(entries.comments) : state.comments,
      sessions: changed.has('sessions') ? sortedById(entries.sessions) : state.sessions,
      voters: changed.has('voters') ? votersRecord(entries.voters) : state.voters,
      votes: changed.has('votes') ? sortedById(entries.votes) : state.votes,
    }
    listener(state)
  }
  review.on('afterTransaction', flush)

  return () => {
    for (const off of observers) off()
    review.off('afterTransaction', flush)
  }
}
