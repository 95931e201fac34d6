import * as Y from 'yjs'
import type { StoredJourney } from './journey-store.js'

/** The parts of a stored journey that make up its document. */
type StoredState = Pick<StoredJourney, 'snapshot' | 'updates'>

/**
 * Rebuilds a document from its stored form. Updates are applied one by one inside a single
 * transaction rather than merged first: merging a long flat list of updates costs far more
 * memory and time than integrating them into a document, and one transaction means
 * observers and the update event run once.
 */
export function docFromStored(stored: StoredState, doc: Y.Doc = new Y.Doc()): Y.Doc {
  doc.transact(() => {
    if (stored.snapshot !== null) Y.applyUpdateV2(doc, stored.snapshot)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
  })
  return doc
}

/** The V2 snapshot that replaces a stored snapshot and log. */
export function compactedSnapshot(stored: StoredState): Uint8Array {
  const doc = docFromStored(stored)
  const snapshot = Y.encodeStateAsUpdateV2(doc)
  doc.destroy()
  return snapshot
}
