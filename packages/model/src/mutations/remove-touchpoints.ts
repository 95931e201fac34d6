import * as Y from 'yjs'
import { collectionMap } from '../doc/layout.js'

function anchoredTo(comment: Y.Map<unknown>, ids: ReadonlySet<string>): boolean {
  const anchor: unknown = comment.get('anchor')
  return (
    typeof anchor === 'object' &&
    anchor !== null &&
    'type' in anchor &&
    anchor.type === 'touchpoint' &&
    'id' in anchor &&
    typeof anchor.id === 'string' &&
    ids.has(anchor.id)
  )
}

/** Removes comments and all their replies; used inside a caller's transaction. */
export function deleteCommentThreads(doc: Y.Doc, ids: ReadonlySet<string>): number {
  const comments = collectionMap(doc, 'comments')
  const doomed = new Set([...ids].filter((id) => comments.has(id)))
  comments.forEach((comment, id) => {
    if (!(comment instanceof Y.Map)) return
    const parentId: unknown = comment.get('parentId')
    if (typeof parentId === 'string' && doomed.has(parentId)) doomed.add(id)
  })
  for (const id of doomed) comments.delete(id)
  return doomed.size
}

/** Removes connections by id; used inside a caller's transaction. */
export function deleteConnections(doc: Y.Doc, ids: Iterable<string>): number {
  const connections = collectionMap(doc, 'connections')
  let removed = 0
  for (const id of ids) {
    if (!connections.has(id)) continue
    connections.delete(id)
    removed++
  }
  return removed
}

/**
 * Removes touchpoints with everything that only makes sense with them: their connections
 * (either end), the comment threads anchored to them and the votes cast on them.
 */
export function deleteTouchpoints(doc: Y.Doc, ids: Iterable<string>): number {
  const touchpoints = collectionMap(doc, 'touchpoints')
  const doomed = new Set([...ids].filter((id) => touchpoints.has(id)))
  if (doomed.size === 0) return 0
  for (const id of doomed) touchpoints.delete(id)
  const connections: string[] = []
  collectionMap(doc, 'connections').forEach((c, id) => {
    if (!(c instanceof Y.Map)) return
    if (doomed.has(c.get('source') as string) || doomed.has(c.get('target') as string)) {
      connections.push(id)
    }
  })
  deleteConnections(doc, connections)
  const threads = new Set<string>()
  collectionMap(doc, 'comments').forEach((comment, id) => {
    if (comment instanceof Y.Map && anchoredTo(comment, doomed)) threads.add(id)
  })
  deleteCommentThreads(doc, threads)
  const votes = collectionMap(doc, 'votes')
  const votesToDelete: string[] = []
  votes.forEach((vote, id) => {
    if (vote instanceof Y.Map && doomed.has(vote.get('touchpointId') as string)) {
      votesToDelete.push(id)
    }
  })
  for (const id of votesToDelete) votes.delete(id)
  return doomed.size
}

/** Removes touchpoints and their connections, comments and votes in one undoable step. */
export function removeTouchpoints(doc: Y.Doc, origin: unknown, ids: readonly string[]): number {
  let removed = 0
  doc.transact(() => {
    removed = deleteTouchpoints(doc, ids)
  }, origin)
  return removed
}
