import * as Y from 'yjs'
import { collectionMap } from '../doc/layout.js'

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
 * Removes touchpoints with their connections (either end). Comments and votes on them
 * live in the review doc, which only the server writes, so they stay: their anchors and
 * items then point at nothing, and an undo brings the card back to them.
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
  return doomed.size
}

/** Removes touchpoints and their connections in one undoable step. */
export function removeTouchpoints(doc: Y.Doc, origin: unknown, ids: readonly string[]): number {
  let removed = 0
  doc.transact(() => {
    removed = deleteTouchpoints(doc, ids)
  }, origin)
  return removed
}
