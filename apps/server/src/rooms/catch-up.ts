import type * as Y from 'yjs'
import type { JourneyStore } from '../storage/journey-store.js'
import { docFromStored } from '../storage/stored-doc.js'

/**
 * Brings a live document up to what is stored, after the fan-out may have dropped messages
 * (a lost connection to Redis). Everything else instances publish is stored first, so the
 * store holds whatever was missed; what the document already has is skipped by Yjs.
 * Resolves false when the journey is gone, as when its deletion was the missed message.
 */
export async function catchUpFromStore(
  store: JourneyStore,
  journeyId: string,
  doc: Y.Doc,
  origin: unknown,
): Promise<boolean> {
  const stored = await store.load(journeyId)
  if (stored === null) return false
  if (doc.isDestroyed) return true
  doc.transact(() => docFromStored(stored, doc), origin)
  return true
}
