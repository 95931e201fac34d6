import * as Y from 'yjs'
import { digestJourneyDoc } from './journey-digest.js'
import { newJourneyId } from './journey-id.js'
import type { JourneyStore } from './journey-store.js'

/** Stores `doc` as a new journey under a fresh id, then frees the document. */
export async function storeNewJourney(store: JourneyStore, doc: Y.Doc): Promise<string> {
  const id = newJourneyId()
  try {
    await store.create({ id, update: Y.encodeStateAsUpdate(doc), ...digestJourneyDoc(doc) })
  } finally {
    doc.destroy()
  }
  return id
}
