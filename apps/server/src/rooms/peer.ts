/**
 * What a connection may change in a document. Only editors write a journey; everybody
 * else, and every client of a review document, reads. Comments and votes reach the server
 * as API requests it checks, never as document updates.
 */
export type Access = 'write' | 'read'

/**
 * One client connection as a room sees it. The sync layer adapts a WebSocket to this, so
 * rooms can be driven and tested without sockets.
 */
export interface Peer {
  /** Short id for logs; never contains a token. */
  readonly label: string
  /** A reading peer's document updates are dropped. */
  readonly access: Access
  send(frame: Uint8Array): void
  close(code: number, reason: string): void
}

/** Whether a transaction's origin is a connection (rather than storage or the fan-out). */
export function isPeer(value: unknown): value is Peer {
  return typeof value === 'object' && value !== null && 'send' in value && 'access' in value
}
