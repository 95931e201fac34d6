/**
 * One client connection as a room sees it. The sync layer adapts a WebSocket to this, so
 * rooms can be driven and tested without sockets.
 */
export interface Peer {
  /** Short id for logs; never contains a token. */
  readonly label: string
  /** False for viewers: their document updates are dropped. */
  readonly canWrite: boolean
  send(frame: Uint8Array): void
  close(code: number, reason: string): void
}
