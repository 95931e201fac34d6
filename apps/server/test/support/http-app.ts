import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrateDoc } from '@touchline/model'
import { pino } from 'pino'
import { type Auth, createAuth } from '../../src/auth/index.js'
import { createHttpApp } from '../../src/http/create-http-app.js'
import { IdentityTokens } from '../../src/identity/index.js'
import { linkRevocations } from '../../src/links/index.js'
import { JourneyReview } from '../../src/review/index.js'
import { LocalFanOut } from '../../src/rooms/fan-out.js'
import { RoomRegistry } from '../../src/rooms/room-registry.js'
import { SqliteJourneyStore } from '../../src/storage/sqlite-store.js'

export const FIXTURE_SECRET = 'fixture-secret-for-route-tests'

/**
 * The HTTP app over a real SQLite file in a temporary folder and live rooms, as the
 * server composes them, for route tests without sockets.
 */
export async function createHttpFixture(
  options: {
    secret?: string
    maxImportBytes?: number
    now?: () => number
    reviewNow?: () => Date
  } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'touchline-http-'))
  const store = await SqliteJourneyStore.open(dir)
  const logger = pino({ level: 'silent' })
  const registry = new RoomRegistry({
    store,
    fanOut: new LocalFanOut(),
    logger,
    migrate: migrateDoc,
    idleMs: 60_000,
    compactionThreshold: 1_000,
    maxAwarenessBytes: 64 * 1024,
  })
  const review = new JourneyReview({ registry, store })
  const identities = new IdentityTokens(randomBytes(32))
  const auth: Auth = createAuth({
    secret: options.secret,
    host: '127.0.0.1',
    isLinkRevoked: linkRevocations(review),
    ...(options.now ? { now: options.now } : {}),
  })
  const app = createHttpApp({
    store,
    docs: registry,
    review,
    identities,
    auth,
    logger,
    version: '9.9.9',
    ...(options.maxImportBytes ? { maxImportBytes: options.maxImportBytes } : {}),
    ...(options.reviewNow ? { now: options.reviewNow } : {}),
  })
  return {
    app,
    store,
    auth,
    registry,
    identities,
    async close() {
      await registry.close()
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
