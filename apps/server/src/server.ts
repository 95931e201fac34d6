import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { migrateDoc } from '@touchline/model'
import { WebSocketServer } from 'ws'
import { createAuth } from './auth/index.js'
import type { ServerConfig } from './config.js'
import { createHttpApp } from './http/index.js'
import { IdentityTokens, identityKey } from './identity/index.js'
import { LinkWatch, linkRevocations } from './links/index.js'
import { createLogger, type Logger } from './log.js'
import { JourneyReview } from './review/index.js'
import type { FanOut } from './rooms/fan-out.js'
import { type OpenedFanOut, openFanOut } from './rooms/open-fan-out.js'
import { RoomRegistry } from './rooms/room-registry.js'
import type { JourneyStore } from './storage/journey-store.js'
import { openStore } from './storage/open-store.js'
import { startHeartbeat } from './sync/heartbeat.js'
import { createSyncRoutes } from './sync/sync-route.js'

export type RunningServer = {
  port: number
  /**
   * `http://host:port`; sockets are at `ws://host:port/sync/:journeyId` and
   * `ws://host:port/sync/:journeyId/review`.
   */
  url: string
  /** Stops accepting, closes every socket (1001), stores what is pending, closes storage. */
  close(): Promise<void>
}

export type ServerParts = {
  logger?: Logger
  /** Storage to use instead of the configured one (it is closed with the server). */
  store?: JourneyStore
  /** Fan-out to use instead of the configured one (left open: its owner closes it). */
  fanOut?: FanOut
}

/** Sockets that ignore our close frame are cut off after this long during shutdown. */
const CLOSE_GRACE_MS = 2_000

/** Composes storage, rooms, the sync endpoint and the HTTP app, and starts listening. */
export async function startServer(
  config: ServerConfig,
  parts: ServerParts = {},
): Promise<RunningServer> {
  const logger = parts.logger ?? createLogger(config.logLevel)
  const store = parts.store ?? (await openStore(config))
  let opened: OpenedFanOut
  try {
    opened = parts.fanOut
      ? { fanOut: parts.fanOut, close: async () => {} }
      : await openFanOut(config, logger)
  } catch (error) {
    await store.close()
    throw error
  }
  let identities: IdentityTokens
  try {
    identities = new IdentityTokens(identityKey(config))
  } catch (error) {
    await opened.close()
    await store.close()
    throw error
  }
  const registry = new RoomRegistry({
    store,
    fanOut: opened.fanOut,
    logger,
    migrate: migrateDoc,
    idleMs: config.roomIdleMs,
    compactionThreshold: config.compactionThreshold,
    maxAwarenessBytes: config.maxAwarenessBytes,
  })
  const review = new JourneyReview({ registry, store })
  const auth = createAuth({
    secret: config.secret,
    host: config.host,
    isLinkRevoked: linkRevocations(review),
  })
  const app = createHttpApp({
    store,
    docs: registry,
    review,
    identities,
    auth,
    logger,
    webDist: config.webDist,
  })
  const sync = createSyncRoutes({
    registry,
    review,
    links: new LinkWatch(review, logger),
    auth,
    logger,
    origins: config.origins,
    maxConnectionsPerIp: config.maxConnectionsPerIp,
    trustProxy: config.trustProxy,
    rateLimit: config.rateLimit,
  })
  app.get('/sync/:journeyId', sync.journey)
  app.get('/sync/:journeyId/review', sync.review)

  // Our own server so the limits are ours: oversize frames close with 1009.
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes })
  const stopHeartbeat = startHeartbeat(wss, config.heartbeatMs)
  // Plain HTTP/1.1: `serve` builds a node:http server unless told otherwise.
  const server = serve({
    fetch: app.fetch,
    port: config.port,
    hostname: config.host,
    websocket: { server: wss },
  }) as Server
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve)
      server.once('error', reject)
    })
  } catch (error) {
    stopHeartbeat()
    await opened.close()
    await store.close()
    throw error
  }
  const port = (server.address() as AddressInfo).port
  const hostForUrl = config.host.includes(':') ? `[${config.host}]` : config.host
  const url = `http://${hostForUrl}:${port}`
  logger.info(
    {
      port,
      host: config.host,
      storage: config.storage,
      ...(config.storage === 'sqlite' ? { dataDir: config.dataDir } : {}),
      fanOut: config.redisUrl && !parts.fanOut ? 'redis' : 'local',
      url,
    },
    'listening',
  )

  let closing: Promise<void> | null = null
  const close = (): Promise<void> => {
    closing ??= (async () => {
      logger.info('shutting down')
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      await registry.close()
      stopHeartbeat()
      await closeSockets(wss)
      server.closeAllConnections()
      await stopped
      // Rooms have published their last changes; the connections flush them before closing.
      await opened.close()
      await store.close()
      logger.info('stopped')
    })()
    return closing
  }
  return { port, url, close }
}

/** Waits for clients to answer the close frames already sent, then cuts off the rest. */
async function closeSockets(wss: WebSocketServer): Promise<void> {
  const deadline = Date.now() + CLOSE_GRACE_MS
  for (const socket of wss.clients) socket.close(1001, 'server shutting down')
  while (wss.clients.size > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  for (const socket of wss.clients) socket.terminate()
}
