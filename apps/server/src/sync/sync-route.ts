import type { HttpBindings } from '@hono/node-server'
import { upgradeWebSocket } from '@hono/node-server'
import type { Context, Handler } from 'hono'
import type { Auth, Grant, Role } from '../auth/index.js'
import type { Logger } from '../log.js'
import type { Room } from '../rooms/room.js'
import type { RoomRegistry } from '../rooms/room-registry.js'
import type { Access } from '../rooms/write-scope.js'
import { isJourneyId } from '../storage/journey-id.js'
import { CLOSE_CODES } from './close-codes.js'
import { originAllowed } from './origin-check.js'
import { SocketPeer } from './socket-peer.js'
import { TokenBucket } from './token-bucket.js'

export type SyncRouteOptions = {
  registry: RoomRegistry
  auth: Auth
  logger: Logger
  origins: readonly string[]
  maxConnectionsPerIp: number
  trustProxy: boolean
  rateLimit: { perSecond: number; burst: number }
}

const ACCESS: Record<Role, Access> = { editor: 'write', commenter: 'comment', viewer: 'read' }

/** Longest delay setTimeout accepts; later expiries are re-armed when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * `GET /sync/:journeyId`: checks the id, the Origin, the token and the per-address cap
 * before upgrading (answering 400/403/401/429 as plain HTTP), then joins the socket to the
 * journey's room. Unknown journeys are closed by the room with 4404 once storage has been
 * asked, so a client learns the difference between "no such journey" and "not allowed".
 */
export function createSyncRoute(options: SyncRouteOptions): Handler {
  const { registry, auth, logger } = options
  const perAddress = new Map<string, number>()
  // The checks run before the upgrade; the socket's handlers need the grant they produced.
  const grants = new WeakMap<Context, Grant>()
  let nextPeer = 0

  const upgrade = upgradeWebSocket(
    (c: Context) => {
      const journeyId = c.req.param('journeyId') ?? ''
      const address = clientAddress(c, options.trustProxy)
      const grant = grants.get(c) ?? null
      const bucket = new TokenBucket(options.rateLimit.perSecond, options.rateLimit.burst)
      let peer: SocketPeer | null = null
      let room: Room | null = null
      let expiry: NodeJS.Timeout | null = null

      const armExpiry = () => {
        if (grant?.expiresAt == null) return
        const remaining = grant.expiresAt * 1000 - Date.now()
        expiry = setTimeout(
          () => {
            if (grant.expiresAt !== null && grant.expiresAt * 1000 > Date.now()) armExpiry()
            else peer?.close(CLOSE_CODES.tokenExpired, 'token expired')
          },
          Math.max(0, Math.min(remaining, MAX_TIMER_MS)),
        )
        expiry.unref()
      }

      return {
        onOpen(_event, ws) {
          const open = (perAddress.get(address) ?? 0) + 1
          perAddress.set(address, open)
          const role = grant?.role ?? 'viewer'
          if (!ws.raw) return
          peer = new SocketPeer(`c${++nextPeer}`, ACCESS[role], ws.raw)
          if (open > options.maxConnectionsPerIp) {
            peer.close(CLOSE_CODES.tryAgainLater, 'too many connections from this address')
            return
          }
          logger.debug({ journey: journeyId, peer: peer.label, role }, 'socket opened')
          armExpiry()
          try {
            room = registry.join(journeyId, peer)
          } catch {
            // The registry already closed the socket: the server is shutting down.
          }
        },
        onMessage(event) {
          if (peer === null || room === null) return
          if (!bucket.take()) {
            logger.info({ journey: journeyId, peer: peer.label }, 'rate limit exceeded')
            room.expel(peer, CLOSE_CODES.rateLimited, 'rate limit exceeded')
            return
          }
          const data: unknown = event.data
          if (!(data instanceof ArrayBuffer)) {
            room.expel(peer, CLOSE_CODES.unsupportedData, 'binary messages only')
            return
          }
          try {
            room.receive(peer, new Uint8Array(data))
          } catch (error) {
            // A bug met by one message must cost that connection, not the process or the room.
            logger.error({ journey: journeyId, peer: peer.label, err: error }, 'message failed')
            room.expel(peer, CLOSE_CODES.internalError, 'internal error')
          }
        },
        onClose() {
          if (expiry !== null) clearTimeout(expiry)
          const open = (perAddress.get(address) ?? 1) - 1
          if (open <= 0) perAddress.delete(address)
          else perAddress.set(address, open)
          if (peer !== null) room?.leave(peer)
          peer = null
          room = null
        },
        onError(event) {
          logger.debug({ journey: journeyId, err: event }, 'socket error')
        },
      }
    },
    {
      // What escapes a handler above would otherwise go to the console, outside the log.
      onError: (error) => logger.error({ err: error }, 'socket handler failed'),
    },
  )

  return async (c, next) => {
    const journeyId = c.req.param('journeyId')
    if (!isJourneyId(journeyId)) {
      return c.json({ error: 'invalid journey id: use 1 to 64 letters, digits, "_" or "-"' }, 400)
    }
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
      return c.json({ error: 'this endpoint speaks WebSocket (y-websocket protocol)' }, 426)
    }
    if (!originAllowed(c.req.header('origin'), c.req.header('host'), options.origins)) {
      logger.info({ journey: journeyId, origin: c.req.header('origin') }, 'origin refused')
      return c.json({ error: 'origin not allowed' }, 403)
    }
    const decision = auth.authorize(c.req.raw, journeyId, 'viewer')
    if (!decision.ok) return c.json({ error: decision.error }, decision.status)
    grants.set(c, decision.grant)
    if (
      (perAddress.get(clientAddress(c, options.trustProxy)) ?? 0) >= options.maxConnectionsPerIp
    ) {
      return c.json({ error: 'too many connections from this address' }, 429)
    }
    return upgrade(c, next)
  }
}

/** Who to count a socket against for the per-address cap. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    // The proxy appends the address it saw; earlier entries are the client's own claims.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim()
    if (forwarded) return forwarded
  }
  const env = c.env as Partial<HttpBindings> | undefined
  return env?.incoming?.socket.remoteAddress ?? 'unknown'
}
