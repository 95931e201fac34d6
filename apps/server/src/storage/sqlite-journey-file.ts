import Database from 'better-sqlite3'
import { derivedDocIds } from './derived-doc-id.js'
import {
  type AppendResult,
  type JourneyDigest,
  JourneyExistsError,
  JourneyNotFoundError,
  type JourneySummary,
  type NewJourney,
  type PreparedSnapshot,
  type StoredJourney,
} from './journey-store.js'
import { claimDataFile } from './sqlite-open.js'
import { prepareSchema } from './sqlite-schema.js'
import { compactedSnapshot } from './stored-doc.js'
import { SUMMARY_COLUMNS, type SummaryRow, toSummary } from './summary-row.js'

/** One journey's share of a group commit. */
export type FileAppend = {
  id: string
  updates: readonly Uint8Array[]
  digest: JourneyDigest
  /** When it was appended (milliseconds since the epoch): the journey's new `updatedAt`. */
  at: number
}

export type FileCompaction = { id: string; prepared: PreparedSnapshot | undefined }

/** What a group commit did: per append, per compaction, in the order given. */
export type CommitOutcome = {
  appended: (AppendResult | JourneyNotFoundError)[]
  compacted: (Error | null)[]
}

/**
 * The journeys' SQLite file, used synchronously: one file in WAL mode, claimed by this
 * process while open. `synchronous = FULL` makes a commit survive power loss, not only a
 * killed process. Only the storage worker (`sqlite-worker.ts`) uses it, so that commits and
 * their fsyncs never hold up the event loop that serves the rooms.
 */
export class SqliteJourneyFile {
  readonly #lock: Database.Database
  readonly #db: Database.Database
  readonly #statements
  /**
   * The next log position. Counted here, since this process is the file's only writer;
   * above everything stored or covered by a snapshot, so positions only ever grow.
   */
  #nextSeq: number

  /** Opens (creating if needed) and claims `file`; throws when another server holds it. */
  constructor(file: string) {
    this.#lock = claimDataFile(file)
    const db = new Database(file)
    try {
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = FULL')
      db.pragma('foreign_keys = ON')
      // A backup reading the file may hold its lock briefly.
      db.pragma('busy_timeout = 5000')
      prepareSchema(db)
    } catch (error) {
      // Refused (a file from a newer server): the claim must not outlive the attempt.
      db.close()
      this.#lock.close()
      throw error
    }
    this.#db = db
    this.#nextSeq =
      (db
        .prepare(
          `SELECT max(coalesce((SELECT max(seq) FROM journey_log), 0),
                      coalesce((SELECT max(snapshot_through) FROM journeys), 0))`,
        )
        .pluck()
        .get() as number) + 1
    this.#statements = {
      insertJourney: db.prepare(
        `INSERT INTO journeys (${SUMMARY_COLUMNS}, log_length) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)`,
      ),
      insertUpdate: db.prepare('INSERT INTO journey_log (journey_id, seq, data) VALUES (?, ?, ?)'),
      exists: db.prepare('SELECT 1 FROM journeys WHERE id = ?').pluck(),
      get: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM journeys WHERE id = ?`),
      // Derived documents (`x.review`) are stored like journeys but are not journeys.
      list: db.prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM journeys WHERE instr(id, '.') = 0
         ORDER BY updated_at DESC, id`,
      ),
      snapshot: db.prepare(
        `SELECT s.snapshot FROM journeys j LEFT JOIN journey_snapshots s ON s.journey_id = j.id
         WHERE j.id = ?`,
      ),
      // The log's data alone, one Buffer per row and no row object around it: a long log
      // is read as fast as SQLite hands it over. Where it ends comes from the key.
      updates: db.prepare('SELECT data FROM journey_log WHERE journey_id = ? ORDER BY seq').pluck(),
      position: db
        .prepare(
          `SELECT coalesce(
             (SELECT max(seq) FROM journey_log WHERE journey_id = journeys.id),
             snapshot_through)
           FROM journeys WHERE id = ?`,
        )
        .pluck(),
      touch: db
        .prepare(
          `UPDATE journeys SET title = ?, personas = ?, stages = ?, touchpoints = ?,
           connections = ?, updated_at = ?, log_length = log_length + ?
         WHERE id = ? RETURNING log_length`,
        )
        .pluck(),
      snapshotThrough: db.prepare('SELECT snapshot_through FROM journeys WHERE id = ?').pluck(),
      putSnapshot: db.prepare(
        `INSERT INTO journey_snapshots (journey_id, snapshot) VALUES (?, ?)
         ON CONFLICT (journey_id) DO UPDATE SET snapshot = excluded.snapshot`,
      ),
      markCompacted: db.prepare(
        'UPDATE journeys SET snapshot_through = ?, log_length = log_length - ? WHERE id = ?',
      ),
      deleteLog: db.prepare('DELETE FROM journey_log WHERE journey_id = ? AND seq <= ?'),
      deleteJourney: db.prepare('DELETE FROM journeys WHERE id IN (?, ?, ?) RETURNING id').pluck(),
    }
  }

  /** Stores a new journey created at `at`; throws `JourneyExistsError` when the id is taken. */
  create(journey: NewJourney, at: number): void {
    const { counts } = journey
    this.#db
      .transaction(() => {
        if (this.#statements.exists.get(journey.id) !== undefined) {
          throw new JourneyExistsError(journey.id)
        }
        this.#statements.insertJourney.run(
          journey.id,
          journey.title,
          counts.personas,
          counts.stages,
          counts.touchpoints,
          counts.connections,
          at,
          at,
        )
        this.#statements.insertUpdate.run(journey.id, this.#nextSeq++, journey.update)
      })
      .immediate()
  }

  exists(id: string): boolean {
    return this.#statements.exists.get(id) !== undefined
  }

  get(id: string): JourneySummary | null {
    const row = this.#statements.get.get(id) as SummaryRow | undefined
    return row ? toSummary(row) : null
  }

  list(): JourneySummary[] {
    return (this.#statements.list.all() as SummaryRow[]).map(toSummary)
  }

  load(id: string): StoredJourney | null {
    // One read transaction: the snapshot and the log are read as of one moment.
    return this.#db.transaction(() => this.#readStored(id))()
  }

  /**
   * Appends and compacts in one transaction: one fsync for everything a busy server
   * queued meanwhile. A missing journey or a failed compaction fails alone; an error of
   * the transaction itself (the disk) throws, and nothing of it is stored.
   */
  commit(appends: readonly FileAppend[], compactions: readonly FileCompaction[]): CommitOutcome {
    return this.#db
      .transaction(
        (): CommitOutcome => ({
          appended: appends.map((append) => this.#append(append)),
          compacted: compactions.map((compaction) => this.#compact(compaction)),
        }),
      )
      .immediate()
  }

  /** Removes the journey and its derived documents at once; false when it did not exist. */
  delete(id: string): boolean {
    const removed = this.#statements.deleteJourney.all(id, ...derivedDocIds(id)) as string[]
    return removed.includes(id)
  }

  close(): void {
    if (this.#db.open) this.#db.close()
    if (this.#lock.open) this.#lock.close()
  }

  #append({ id, updates, digest, at }: FileAppend): AppendResult | JourneyNotFoundError {
    const { counts } = digest
    const logLength = this.#statements.touch.get(
      digest.title,
      counts.personas,
      counts.stages,
      counts.touchpoints,
      counts.connections,
      at,
      updates.length,
      id,
    ) as number | undefined
    if (logLength === undefined) return new JourneyNotFoundError(id)
    let through: number | undefined
    for (const update of updates) {
      through = this.#nextSeq++
      this.#statements.insertUpdate.run(id, through, update)
    }
    return { logLength, through: through ?? this.#position(id) }
  }

  /**
   * One journey's compaction inside the group commit, reading and rewriting in the same
   * transaction, so nothing can be appended in between. Its own savepoint: a compaction
   * that fails is undone alone and returned, and the appends committed with it stand.
   */
  #compact({ id, prepared }: FileCompaction): Error | null {
    try {
      this.#db.transaction(() => {
        const covered = this.#statements.snapshotThrough.get(id) as number | undefined
        if (covered === undefined) return
        let snapshot: Uint8Array
        let through: number
        if (prepared && prepared.through >= covered) {
          ;({ snapshot, through } = prepared)
        } else {
          const stored = this.#readStored(id)
          if (!stored || stored.updates.length === 0) return
          snapshot = compactedSnapshot(stored)
          through = stored.through
        }
        const removed = this.#statements.deleteLog.run(id, through).changes
        this.#statements.putSnapshot.run(id, snapshot)
        this.#statements.markCompacted.run(through, removed, id)
      })()
      return null
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error))
    }
  }

  #readStored(id: string): StoredJourney | null {
    const row = this.#statements.snapshot.get(id) as { snapshot: Buffer | null } | undefined
    if (!row) return null
    const updates = this.#statements.updates.all(id) as Buffer[]
    return { snapshot: row.snapshot, updates, through: this.#position(id) }
  }

  /** The position of the journey's newest stored update (see `StoredJourney.through`). */
  #position(id: string): number {
    return this.#statements.position.get(id) as number
  }
}
