import type { Pool } from 'pg'

/** Bumped with every change to the tables below, so a database knows which it has. */
const SCHEMA_VERSION = 1

/** A PostgreSQL schema name this server may create and quote safely. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/

export function isSchemaName(name: string): boolean {
  return SCHEMA_NAME.test(name)
}

function tables(schema: string): string {
  return `
CREATE TABLE IF NOT EXISTS "${schema}".storage_version (
  version INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS "${schema}".journeys (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  personas INTEGER NOT NULL,
  stages INTEGER NOT NULL,
  touchpoints INTEGER NOT NULL,
  connections INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  snapshot BYTEA,
  snapshot_through BIGINT NOT NULL DEFAULT 0,
  log_length INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS "${schema}".journey_updates (
  seq BIGSERIAL PRIMARY KEY,
  journey_id TEXT NOT NULL REFERENCES "${schema}".journeys(id) ON DELETE CASCADE,
  data BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS journey_updates_by_journey
  ON "${schema}".journey_updates(journey_id, seq);
`
}

/**
 * Creates the schema and its tables, or checks an existing one. Several instances may start
 * at once against a new database, so the work runs under a transaction-scoped advisory lock
 * keyed on the schema name; a database written by a newer server is refused, not misread.
 */
export async function preparePostgresSchema(pool: Pool, schema: string): Promise<void> {
  if (!isSchemaName(schema)) throw new Error(`invalid PostgreSQL schema name "${schema}"`)
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`touchline:${schema}`])
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`)
    await client.query(tables(schema))
    const { rows } = await client.query<{ version: number }>(
      `SELECT version FROM "${schema}".storage_version`,
    )
    const stored = rows[0]?.version
    if (stored !== undefined && stored > SCHEMA_VERSION) {
      throw new Error(
        `PostgreSQL schema "${schema}" was written by a newer Touchline (storage version ${stored}); this server understands up to ${SCHEMA_VERSION}`,
      )
    }
    if (stored === undefined) {
      await client.query(`INSERT INTO "${schema}".storage_version (version) VALUES ($1)`, [
        SCHEMA_VERSION,
      ])
    } else if (stored < SCHEMA_VERSION) {
      await client.query(`UPDATE "${schema}".storage_version SET version = $1`, [SCHEMA_VERSION])
    }
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}
