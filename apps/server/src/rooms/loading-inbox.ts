import type { ClientMessage } from '../protocol/index.js'
import type { Peer } from './peer.js'

/**
 * What clients may queue while a journey loads. Live rooms handle each message as it
 * arrives; a loading one must hold them, and without a bound a client could fill memory.
 */
const MAX_INBOX_BYTES = 64 * 1024 * 1024

type Entry = { peer: Peer; message: ClientMessage; bytes: number }

/** Messages that arrived while a room's document was loading, in arrival order. */
export class LoadingInbox {
  #entries: Entry[] = []
  #bytes = 0

  /** Queues a message of `bytes` on the wire; false (nothing queued) past the bound. */
  add(peer: Peer, message: ClientMessage, bytes: number): boolean {
    if (this.#bytes + bytes > MAX_INBOX_BYTES) return false
    this.#bytes += bytes
    this.#entries.push({ peer, message, bytes })
    return true
  }

  /** Forgets what a departed connection queued. */
  drop(peer: Peer): void {
    this.#entries = this.#entries.filter((entry) => entry.peer !== peer)
    this.#bytes = this.#entries.reduce((sum, entry) => sum + entry.bytes, 0)
  }

  /** Everything queued, oldest first; the inbox is empty afterwards. */
  drain(): readonly Entry[] {
    const entries = this.#entries
    this.#entries = []
    this.#bytes = 0
    return entries
  }
}
