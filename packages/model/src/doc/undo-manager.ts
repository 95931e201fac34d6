import * as Y from 'yjs'
import { COLLECTIONS, metaMap } from './layout.js'

/** Every shared type of a journey, for an undo manager or an observer of the whole doc. */
export function journeyTypes(doc: Y.Doc): Y.Map<unknown>[] {
  return [metaMap(doc), ...COLLECTIONS.map((name) => doc.getMap<unknown>(name))]
}

/**
 * An undo manager over the whole journey that undoes only `origin`'s changes (never a
 * collaborator's), one mutation per step. Pass `captureTimeout` to merge quick successive
 * mutations (such as throttled drag updates) into one step.
 */
export function createJourneyUndoManager(
  doc: Y.Doc,
  origin: unknown,
  options: { captureTimeout?: number } = {},
): Y.UndoManager {
  return new Y.UndoManager(journeyTypes(doc), {
    trackedOrigins: new Set([origin]),
    captureTimeout: options.captureTimeout ?? 0,
  })
}
