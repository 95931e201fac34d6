import type { ServerConfig } from '../config.js'
import type { JourneyStore } from './journey-store.js'
import { MemoryJourneyStore } from './memory-store.js'
import { PostgresJourneyStore } from './postgres-store.js'
import { redactUrl } from './redact-url.js'
import { SqliteJourneyStore } from './sqlite-store.js'

/** The configured storage, ready to use (PostgreSQL: connected, schema prepared). */
export async function openStore(config: ServerConfig): Promise<JourneyStore> {
  if (config.storage === 'memory') return new MemoryJourneyStore()
  if (config.storage === 'sqlite') return SqliteJourneyStore.open(config.dataDir)
  const url = config.databaseUrl
  if (url === undefined) throw new Error('DATABASE_URL is required with TOUCHLINE_STORAGE=postgres')
  try {
    return await PostgresJourneyStore.open(url, { schema: config.postgresSchema })
  } catch (error) {
    throw new Error(
      `cannot open PostgreSQL storage at ${redactUrl(url)}: ${(error as Error).message}`,
    )
  }
}
