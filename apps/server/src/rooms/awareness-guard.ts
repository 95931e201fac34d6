import { type AwarenessEntry, isRemoval } from '../protocol/index.js'
import type { Peer } from './peer.js'

/**
 * Awareness client ids a browser tab may claim. A Yjs client normally has one; a few more
 * allow for a document being recreated in the same tab without reconnecting.
 */
const MAX_IDS_PER_PEER = 4

/**
 * Enforces who may speak for which awareness client id in one room: the first connection
 * to publish a client id owns it until it disconnects, so nobody can overwrite or remove
 * another person's cursor, and states above the size cap are dropped.
 */
export class AwarenessGuard {
  readonly #owners = new Map<number, Peer>()
  readonly #owned = new Map<Peer, Set<number>>()
  readonly #maxStateBytes: number

  constructor(maxStateBytes: number) {
    this.#maxStateBytes = maxStateBytes
  }

  /** The entries `peer` may apply; claims unowned ids for it. */
  admit(peer: Peer, entries: readonly AwarenessEntry[]): AwarenessEntry[] {
    const admitted: AwarenessEntry[] = []
    for (const entry of entries) {
      const owner = this.#owners.get(entry.clientId)
      if (owner !== undefined && owner !== peer) continue
      if (!isRemoval(entry) && Buffer.byteLength(entry.json) > this.#maxStateBytes) continue
      if (owner === undefined) {
        // Removing an id nobody holds is harmless and needs no claim.
        if (isRemoval(entry)) continue
        const ids = this.#owned.get(peer) ?? new Set<number>()
        if (ids.size >= MAX_IDS_PER_PEER) continue
        ids.add(entry.clientId)
        this.#owned.set(peer, ids)
        this.#owners.set(entry.clientId, peer)
      }
      admitted.push(entry)
    }
    return admitted
  }

  /** Forgets `peer` and returns the client ids whose states must now be removed. */
  release(peer: Peer): number[] {
    const ids = [...(this.#owned.get(peer) ?? [])]
    for (const id of ids) this.#owners.delete(id)
    this.#owned.delete(peer)
    return ids
  }
}
