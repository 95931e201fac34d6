import Database from 'better-sqlite3'

/**
 * How long claiming waits for another process to let go: long enough for a server that is
 * still shutting down, short enough that a second one fails at start.
 */
const CLAIM_TIMEOUT_MS = 2_000

/**
 * Claims the SQLite file `file` for this process, through a companion file (`<file>-lock`)
 * that a connection in exclusive locking mode keeps locked until it is closed or the
 * process ends, however it ends. Every stored update then comes through this process,
 * which is what lets rooms compact from their own documents (`JourneyStore.soleWriter`);
 * a second server on the same data directory is refused with an error that says so. The
 * data file itself stays readable, so an online backup (`sqlite3 ... ".backup"`) works.
 * Returns the lock's connection: closing it releases the claim.
 */
export function claimDataFile(file: string): Database.Database {
  const lock = new Database(`${file}-lock`, { timeout: CLAIM_TIMEOUT_MS })
  try {
    lock.pragma('locking_mode = EXCLUSIVE')
    // Its content is nothing worth a journal file beside it.
    lock.pragma('journal_mode = MEMORY')
    // A write takes the exclusive lock, which this mode then never gives back.
    lock.exec('BEGIN IMMEDIATE; PRAGMA user_version = 1; COMMIT')
  } catch (error) {
    lock.close()
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_BUSY') {
      throw new Error(
        `${file} is in use by another Touchline server: only one server may use a data directory (to run several, use PostgreSQL and Redis)`,
      )
    }
    throw error
  }
  return lock
}
