import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { type Auth, createAuth } from '../../src/auth/index.js'
import { createHttpApp } from '../../src/http/create-http-app.js'
import type { JourneyDocs } from '../../src/rooms/journey-docs.js'
import { SqliteJourneyStore } from '../../src/storage/sqlite-store.js'
import { docFromStored } from '../../src/storage/stored-doc.js'

export const FIXTURE_SECRET = 'fixture-secret-for-route-tests'

/**
 * The HTTP app over a real SQLite file in a temporary folder, for route tests. Journeys
 * are read straight from storage, as they are when no room is live.
 */
export async function createHttpFixture(
  options: { secret?: string; maxImportBytes?: number; now?: () => number } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'touchline-http-'))
  const store = await SqliteJourneyStore.open(dir)
  const docs: JourneyDocs = {
    async readDoc(id) {
      const stored = await store.load(id)
      return stored ? docFromStored(stored) : null
    },
    deleteJourney: (id) => store.delete(id),
  }
  const auth: Auth = createAuth({
    secret: options.secret,
    host: '127.0.0.1',
    ...(options.now ? { now: options.now } : {}),
  })
  const app = createHttpApp({
    store,
    docs,
    auth,
    logger: pino({ level: 'silent' }),
    version: '9.9.9',
    ...(options.maxImportBytes ? { maxImportBytes: options.maxImportBytes } : {}),
  })
  return {
    app,
    store,
    auth,
    async close() {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
