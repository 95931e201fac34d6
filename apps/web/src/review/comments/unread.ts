import type { Comment } from '@touchline/model'
import type { Thread } from '../review-store'

/**
 * What this browser has seen of each thread: the time of the newest comment (or edit) it
 * showed, by thread id. Kept per journey in localStorage, so "new" means new to this person on
 * this machine, as in a mail client.
 */
export type SeenMarks = Readonly<Record<string, number>>

const KEY_PREFIX = 'touchline:review-seen:'

function changedAt(comment: Comment): number {
  return Math.max(Date.parse(comment.createdAt), Date.parse(comment.editedAt ?? comment.createdAt))
}

/** When someone other than `meId` last wrote or edited in the thread; null if nobody did. */
export function latestFromOthers(comments: readonly Comment[], meId: string): number | null {
  let latest: number | null = null
  for (const comment of comments) {
    if (comment.author.id === meId) continue
    const at = changedAt(comment)
    if (latest === null || at > latest) latest = at
  }
  return latest
}

export function threadComments(thread: Thread): Comment[] {
  return [thread.comment, ...thread.replies]
}

/** Whether the thread holds something from someone else this browser has not shown yet. */
export function isUnread(thread: Thread, meId: string, marks: SeenMarks): boolean {
  const latest = latestFromOthers(threadComments(thread), meId)
  if (latest === null) return false
  const seen = marks[thread.comment.id]
  return seen === undefined || latest > seen
}

/** The comments of a thread that arrived or changed since it was last shown, by id. */
export function unreadComments(thread: Thread, meId: string, marks: SeenMarks): Set<string> {
  const seen = marks[thread.comment.id] ?? -1
  return new Set(
    threadComments(thread)
      .filter((comment) => comment.author.id !== meId && changedAt(comment) > seen)
      .map((comment) => comment.id),
  )
}

/** The marks once these threads have been shown. */
export function markSeen(marks: SeenMarks, threads: readonly Thread[]): SeenMarks {
  let next: Record<string, number> | null = null
  for (const thread of threads) {
    const id = thread.comment.id
    const latest = Math.max(...threadComments(thread).map(changedAt))
    if ((marks[id] ?? -1) >= latest) continue
    next ??= { ...marks }
    next[id] = latest
  }
  return next ?? marks
}

/**
 * Where something is unread: the threads, and the cards and stage headers they are on (a
 * card counts its pain points' and opportunities' threads too). Resolved threads are left
 * out: they are off the map and out of the way.
 */
export function unreadPlaces(
  threads: readonly Thread[],
  meId: string,
  marks: SeenMarks,
): { threads: Set<string>; touchpoints: Set<string>; stages: Set<string> } {
  const places = {
    threads: new Set<string>(),
    touchpoints: new Set<string>(),
    stages: new Set<string>(),
  }
  for (const thread of threads) {
    if (thread.comment.resolved || !isUnread(thread, meId, marks)) continue
    places.threads.add(thread.comment.id)
    const { anchor } = thread.comment
    if (anchor.type === 'touchpoint') places.touchpoints.add(anchor.id)
    if (anchor.type === 'item') places.touchpoints.add(anchor.touchpointId)
    if (anchor.type === 'stage') places.stages.add(anchor.id)
  }
  return places
}

/** Drops marks of threads that no longer exist, so the stored list does not only grow. */
export function pruneMarks(marks: SeenMarks, threadIds: ReadonlySet<string>): SeenMarks {
  const kept = Object.entries(marks).filter(([id]) => threadIds.has(id))
  return kept.length === Object.keys(marks).length ? marks : Object.fromEntries(kept)
}

export function seenKey(journeyId: string): string {
  return `${KEY_PREFIX}${journeyId}`
}

/** Reads this journey's marks; anything unreadable counts as nothing seen yet. */
export function loadMarks(journeyId: string, storage: Storage | null): SeenMarks {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(seenKey(journeyId)) ?? '{}')
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {}
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, number] =>
          typeof entry[1] === 'number' && Number.isFinite(entry[1]),
      ),
    )
  } catch {
    return {}
  }
}

export function saveMarks(journeyId: string, marks: SeenMarks, storage: Storage | null): void {
  try {
    storage?.setItem(seenKey(journeyId), JSON.stringify(marks))
  } catch {
    // A full or blocked storage only means the marks are not remembered past this page.
  }
}
