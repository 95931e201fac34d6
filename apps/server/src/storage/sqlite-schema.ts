import type Database from 'better-sqlite3'

const TABLES = `
CREATE TABLE IF NOT EXISTS journeys (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  personas INTEGER NOT NULL,
  stages INTEGER NOT NULL,
  touchpoints INTEGER NOT NULL,
  connections INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  snapshot_through INTEGER NOT NULL DEFAULT 0,
  log_length INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE IF NOT EXISTS journey_log (
  journey_id TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (journey_id, seq)
) STRICT, WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS journey_snapshots (
  journey_id TEXT PRIMARY KEY REFERENCES journeys(id) ON DELETE CASCADE,
  snapshot BLOB NOT NULL
) STRICT;
`

/** Bumped with every change below, so a file knows which of them it already has. */
const SCHEMA_VERSION = 2

/**
 * Creates the tables of a new file and upgrades the file of an older server in place.
 * A file from a newer server is refused rather than misread.
 */
export function prepareSchema(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `touchline.db was written by a newer Touchline (storage version ${version}); this server understands up to ${SCHEMA_VERSION}`,
    )
  }
  db.transaction(() => {
    db.exec(TABLES)
    const columns = db.pragma('table_info(journeys)') as { name: string }[]
    // Files made before compaction recorded what its snapshot covers.
    if (!columns.some((column) => column.name === 'snapshot_through')) {
      db.exec('ALTER TABLE journeys ADD COLUMN snapshot_through INTEGER NOT NULL DEFAULT 0')
    }
    // Version 1 kept the log in insertion order, every journey's updates interleaved: a
    // compaction then deleted rows from hundreds of pages. The log now keeps each journey's
    // updates together, so appends and compactions touch a few pages of their own.
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
    if (tables.includes('journey_updates')) {
      db.exec(`INSERT INTO journey_log (journey_id, seq, data)
                 SELECT journey_id, seq, data FROM journey_updates;
               DROP TABLE journey_updates;`)
    }
    // Version 1 also kept the snapshot in the journey's row, which every append rewrites to
    // move its digest and log length: megabytes per commit for a large journey.
    if (columns.some((column) => column.name === 'snapshot')) {
      db.exec(`INSERT INTO journey_snapshots (journey_id, snapshot)
                 SELECT id, snapshot FROM journeys WHERE snapshot IS NOT NULL;
               ALTER TABLE journeys DROP COLUMN snapshot;`)
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`)
  })()
}
