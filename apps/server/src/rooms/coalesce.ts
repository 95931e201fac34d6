import * as Y from 'yjs'

/**
 * The one origin every entry of a turn's batch shares, or `undefined` when several
 * contributed. A batch is sent as one frame that every recipient shares; a client gets its
 * own changes back only alongside someone else's (clients ignore what they already hold,
 * as they do with the reference server, which echoes everything), so the one recipient
 * that needs nothing from a batch is the client that made all of it.
 */
export function soleOrigin<T>(batch: readonly { origin: T }[]): T | undefined {
  const first = batch[0]
  if (first === undefined) return undefined
  for (const entry of batch) if (entry.origin !== first.origin) return undefined
  return first.origin
}

/** A batch of document updates as one update: merged only when there is more than one. */
export function mergeBatch(updates: readonly Uint8Array[]): Uint8Array {
  return updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates([...updates])
}
