import type { Journey } from '@touchline/model'
import type { Thread } from '../review-store'
import { anchorPlace, type MapIndex } from './anchor-place'

export type CommentsTab = 'open' | 'resolved' | 'mentions'

/** Threads under one heading of the comments panel: a stage, the canvas, or removed places. */
export interface ThreadGroup {
  key: string
  title: string
  threads: Thread[]
}

/** Whether anyone mentioned `meId` in the thread, in its first comment or a reply. */
export function mentions(thread: Thread, meId: string): boolean {
  return (
    thread.comment.mentions.includes(meId) ||
    thread.replies.some((reply) => reply.mentions.includes(meId))
  )
}

/** The threads a tab lists: open ones, resolved ones, or those mentioning this person. */
export function threadsForTab(
  threads: readonly Thread[],
  tab: CommentsTab,
  meId: string,
): Thread[] {
  if (tab === 'mentions') return threads.filter((thread) => mentions(thread, meId))
  const resolved = tab === 'resolved'
  return threads.filter((thread) => thread.comment.resolved === resolved)
}

function lastActivity(thread: Thread): string {
  const last = thread.replies.at(-1)
  return last && last.createdAt > thread.comment.createdAt
    ? last.createdAt
    : thread.comment.createdAt
}

/**
 * Threads by stage, in the order of the map, each group newest activity first; then threads
 * on canvas spots, then those whose card, item or stage was removed.
 */
export function groupByStage(
  threads: readonly Thread[],
  journey: Pick<Journey, 'stages'>,
  index: MapIndex,
): ThreadGroup[] {
  const byStage = new Map<string, Thread[]>()
  const canvas: Thread[] = []
  const gone: Thread[] = []
  for (const thread of threads) {
    const place = anchorPlace(thread.comment.anchor, index)
    if (place.gone) gone.push(thread)
    else if (place.stageId === null) canvas.push(thread)
    else byStage.set(place.stageId, [...(byStage.get(place.stageId) ?? []), thread])
  }
  const newestFirst = (list: Thread[]) =>
    list.sort((a, b) => lastActivity(b).localeCompare(lastActivity(a)))
  const groups: ThreadGroup[] = journey.stages.flatMap((stage) => {
    const list = byStage.get(stage.id)
    return list ? [{ key: stage.id, title: stage.name, threads: newestFirst(list) }] : []
  })
  if (canvas.length > 0)
    groups.push({ key: 'canvas', title: 'On the canvas', threads: newestFirst(canvas) })
  if (gone.length > 0)
    groups.push({ key: 'gone', title: 'No longer on the map', threads: newestFirst(gone) })
  return groups
}
