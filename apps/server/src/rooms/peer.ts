import type { Access } from './write-scope.js'

/**
 * One client connection as a room sees it. The sync layer adapts a WebSocket to this, so
 * rooms can be driven and tested without sockets.
 */
export interface Peer {
  /** Short id for logs; never contains a token. */
  readonly label: string
  /** Viewers' document updates are dropped; commenters' only reach comments and votes. */
  readonly access: Access
  send(frame: Uint8Array): void
  close(code: number, reason: string): void
}

/** Whether a transaction's origin is a connection (rather than storage or the fan-out). */
export function isPeer(value: unknown): value is Peer {
  return typeof value === 'object' && value !== null && 'send' in value && 'access' in value
}
