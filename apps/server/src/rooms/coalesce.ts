import * as Y from 'yjs'
import { encodeUpdate } from '../protocol/index.js'
import type { PendingUpdate } from './group-commit.js'
import type { Peer } from './peer.js'

/**
 * The update frame each recipient gets for one stored batch: everything in the batch that
 * it did not send itself, merged into one message. Recipients that sent nothing share one
 * frame; each sender gets the batch without its own updates (no echo), or nothing.
 */
export function framesFor(
  batch: readonly PendingUpdate[],
  recipients: Iterable<Peer>,
): Map<Peer, Uint8Array> {
  const senders = new Set(batch.map((entry) => entry.origin))
  const cache = new Map<Peer | null, Uint8Array | null>()
  const excluding = (sender: Peer | null): Uint8Array | null => {
    const cached = cache.get(sender)
    if (cached !== undefined) return cached
    const updates = batch
      .filter((entry) => sender === null || entry.origin !== sender)
      .map((entry) => entry.update)
    const frame =
      updates.length === 0
        ? null
        : encodeUpdate(updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates))
    cache.set(sender, frame)
    return frame
  }
  const frames = new Map<Peer, Uint8Array>()
  for (const peer of recipients) {
    const frame = excluding(senders.has(peer) ? peer : null)
    if (frame !== null) frames.set(peer, frame)
  }
  return frames
}
