import type { WebSocketLike } from '@hono/node-server'
import type { Access, Peer } from '../rooms/peer.js'
import { CLOSE_CODES } from './close-codes.js'

const OPEN = 1
const MAX_REASON_BYTES = 123

/** A client that has not read this much of what we sent is too slow to keep up. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024

/** Adapts a `ws` socket to the room's view of a connection. */
export class SocketPeer implements Peer {
  readonly #socket: WebSocketLike & { bufferedAmount?: number }
  #closed = false

  constructor(
    readonly label: string,
    readonly access: Access,
    socket: WebSocketLike,
  ) {
    this.#socket = socket
  }

  send(frame: Uint8Array): void {
    if (this.#closed || this.#socket.readyState !== OPEN) return
    if ((this.#socket.bufferedAmount ?? 0) > MAX_BUFFERED_BYTES) {
      this.close(CLOSE_CODES.tryAgainLater, 'client too slow')
      return
    }
    this.#socket.send(frame)
  }

  close(code: number, reason: string): void {
    if (this.#closed) return
    this.#closed = true
    if (this.#socket.readyState <= OPEN) this.#socket.close(code, closeReason(reason))
  }
}

/** The protocol allows 123 bytes of UTF-8 in a close frame; `ws` throws beyond that. */
export function closeReason(reason: string): string {
  const bytes = Buffer.from(reason)
  if (bytes.length <= MAX_REASON_BYTES) return reason
  // Decoding a cut that splits a character leaves U+FFFD, which may itself be too long.
  let cut = reason
  while (Buffer.byteLength(cut) > MAX_REASON_BYTES - 3) cut = cut.slice(0, -1)
  return `${cut}…`
}
