/**
 * WebSocket close codes the server uses, so a client can tell the user why it was
 * disconnected. 4000-4999 are application codes; the last three digits echo the HTTP
 * status they resemble.
 */
export const CLOSE_CODES = {
  /** Server shutting down; the stock client reconnects. */
  goingAway: 1001,
  /** Text frames: the protocol is binary. */
  unsupportedData: 1003,
  /** Sent by the `ws` server itself when a frame exceeds the size limit. */
  messageTooBig: 1009,
  /**
   * Storage failed (nothing sent to this client was lost, but the room must reload), or
   * handling this connection's message failed unexpectedly.
   */
  internalError: 1011,
  /** Too many sockets from one address. */
  tryAgainLater: 1013,
  /** A message that does not decode, or a document update that cannot be applied. */
  malformedMessage: 4400,
  /** The token expired while connected. */
  tokenExpired: 4401,
  /** The share link this socket was opened with was revoked while connected. */
  linkRevoked: 4403,
  /** No journey with this id. */
  journeyNotFound: 4404,
  /** The journey was deleted while connected. */
  journeyDeleted: 4410,
  /** The stored journey uses a newer schema than this server understands. */
  unsupportedSchema: 4422,
  /** Too many messages too quickly. */
  rateLimited: 4429,
} as const
