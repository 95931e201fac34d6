import type { HttpBindings } from '@hono/node-server'
import { upgradeWebSocket } from '@hono/node-server'
import type { Context, Handler } from 'hono'
import type { Auth, Grant, Role } from '../auth/index.js'
import type { LinkWatch } from '../links/index.js'
import type { Logger } from '../log.js'
import type { JourneyReview } from '../review/journey-review.js'
import type { Access } from '../rooms/peer.js'
import type { Room } from '../rooms/room.js'
import type { RoomRegistry } from '../rooms/room-registry.js'
import { derivedDocId } from '../storage/derived-doc-id.js'
import { isJourneyId } from '../storage/journey-id.js'
import { CLOSE_CODES } from './close-codes.js'
import { originAllowed } from './origin-check.js'
import { SocketPeer } from './socket-peer.js'
import { TokenBucket } from './token-bucket.js'

export type SyncRouteOptions = {
  registry: RoomRegistry
  review: JourneyReview
  links: LinkWatch
  auth: Auth
  logger: Logger
  origins: readonly string[]
  maxConnectionsPerIp: number
  trustProxy: boolean
  rateLimit: { perSecond: number; burst: number }
}

/**
 * Only editors write a journey. Commenters read it like viewers: their comments and votes
 * are API requests the server checks, never document updates.
 */
const JOURNEY_ACCESS: Record<Role, Access> = {
  editor: 'write',
  commenter: 'read',
  viewer: 'read',
}

/** Longest delay setTimeout accepts; later expiries are re-armed when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1

/** What the checks before an upgrade decided, for the socket's handlers. */
type Admission = { journeyId: string; docId: string; access: Access; grant: Grant }

export type SyncRoutes = {
  /** `GET /sync/:journeyId`: the journey's document. */
  journey: Handler
  /** `GET /sync/:journeyId/review`: its review document, read-only for everybody. */
  review: Handler
}

/**
 * The socket endpoints. Each checks the id, the Origin, the token (and its share link) and
 * the per-address cap before upgrading (answering 400/403/401/429 as plain HTTP), then
 * joins the socket to the document's room. Unknown journeys are closed by the room with
 * 4404 once storage has been asked, so a client learns the difference between "no such
 * journey" and "not allowed". Both endpoints count against one cap per address.
 */
export function createSyncRoutes(options: SyncRouteOptions): SyncRoutes {
  const { registry, auth, logger, links } = options
  const perAddress = new Map<string, number>()
  const admissions = new WeakMap<Context, Admission>()
  let nextPeer = 0

  const upgrade = upgradeWebSocket(
    (c: Context) => {
      const admission = admissions.get(c)
      const address = clientAddress(c, options.trustProxy)
      const bucket = new TokenBucket(options.rateLimit.perSecond, options.rateLimit.burst)
      const journeyId = admission?.journeyId ?? ''
      const grant = admission?.grant ?? null
      let peer: SocketPeer | null = null
      let room: Room | null = null
      let expiry: NodeJS.Timeout | null = null
      let unwatchLink: (() => void) | null = null
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
      const expel = (code: number, reason: string) => {
        if (peer === null) return
        if (room === null) peer.close(code, reason)
        else room.expel(peer, code, reason)
      }
      return {
        onOpen(_event, ws) {
          const open = (perAddress.get(address) ?? 0) + 1
          perAddress.set(address, open)
          if (!ws.raw || admission === undefined) return
          peer = new SocketPeer(`c${++nextPeer}`, admission.access, ws.raw)
          if (open > options.maxConnectionsPerIp) {
            peer.close(CLOSE_CODES.tryAgainLater, 'too many connections from this address')
            return
          }
          logger.debug(
            { journey: admission.docId, peer: peer.label, role: admission.grant.role },
            'socket opened',
          )
          armExpiry()
          try {
            room = registry.join(admission.docId, peer)
          } catch {
            // The registry already closed the socket: the server is shutting down.
            return
          }
          if (admission.grant.linkId !== null) {
            unwatchLink = links.watch(journeyId, admission.grant.linkId, expel)
          }
        },
        onMessage(event) {
          if (peer === null || room === null) return
          if (!bucket.take()) {
            logger.info({ journey: room.journeyId, peer: peer.label }, 'rate limit exceeded')
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
            logger.error(
              { journey: room.journeyId, peer: peer.label, err: error },
              'message failed',
            )
            room.expel(peer, CLOSE_CODES.internalError, 'internal error')
          }
        },
        onClose() {
          if (expiry !== null) clearTimeout(expiry)
          unwatchLink?.()
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

  /** The checks both endpoints make; a response refuses, a grant admits. */
  const check = async (c: Context): Promise<Response | Grant> => {
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
    const decision = await auth.authorize(c.req.raw, journeyId, 'viewer')
    if (!decision.ok) return c.json({ error: decision.error }, decision.status)
    if (
      (perAddress.get(clientAddress(c, options.trustProxy)) ?? 0) >= options.maxConnectionsPerIp
    ) {
      return c.json({ error: 'too many connections from this address' }, 429)
    }
    return decision.grant
  }

  return {
    journey: async (c, next) => {
      const checked = await check(c)
      if (checked instanceof Response) return checked
      const journeyId = c.req.param('journeyId') ?? ''
      const access = JOURNEY_ACCESS[checked.role]
      admissions.set(c, { journeyId, docId: journeyId, access, grant: checked })
      return upgrade(c, next)
    },
    review: async (c, next) => {
      const checked = await check(c)
      if (checked instanceof Response) return checked
      const journeyId = c.req.param('journeyId') ?? ''
      // Made on first need; without a journey the room finds nothing and closes with 4404.
      await options.review.ensure(journeyId)
      const docId = derivedDocId(journeyId, 'review')
      admissions.set(c, { journeyId, docId, access: 'read', grant: checked })
      return upgrade(c, next)
    },
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
