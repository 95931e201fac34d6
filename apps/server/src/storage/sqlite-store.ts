import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import {
  type AppendResult,
  type JourneyDigest,
  JourneyExistsError,
  JourneyNotFoundError,
  type JourneyStore,
  type JourneySummary,
  type NewJourney,
  type PreparedSnapshot,
  type StoredJourney,
} from './journey-store.js'
import { claimDataFile } from './sqlite-open.js'
import { prepareSchema } from './sqlite-schema.js'
import { compactedSnapshot } from './stored-doc.js'
import { type QueuedAppend, SUMMARY_COLUMNS, type SummaryRow, toSummary } from './summary-row.js'

/**
 * Compactions one group commit takes on. Each deletes its journey's log, hundreds of rows:
 * a hundred rooms that reach the bound together would otherwise hold up every room's
 * writes behind one long transaction (measured: p99 latency from 26 ms to 180 ms).
 */
const COMPACTIONS_PER_COMMIT = 4

/** A compaction waiting for a group commit. */
type QueuedCompaction = {
  id: string
  prepared: PreparedSnapshot | undefined
  resolve: () => void
  reject: (error: unknown) => void
}

/**
 * The embedded default: one SQLite file in WAL mode, claimed by this process while open.
 * better-sqlite3 is synchronous, so each call commits before its promise settles;
 * `synchronous = FULL` makes a commit survive power loss, not only a killed process, and
 * group commit keeps that affordable.
 */
export class SqliteJourneyStore implements JourneyStore {
  /** The file is claimed by this process (see `claimDataFile`). */
  readonly soleWriter = true
  readonly #lock: Database.Database
  readonly #db: Database.Database
  readonly #now: () => number
  readonly #statements
  #queued: QueuedAppend[] = []
  #queuedCompactions: QueuedCompaction[] = []
  #commitScheduled = false
  /**
   * The next log position. Counted here, since this process is the file's only writer;
   * above everything stored or covered by a snapshot, so positions only ever grow.
   */
  #nextSeq: number

  /** Opens (creating if needed) `touchline.db` in `dataDir`. */
  static open(dataDir: string, options: { now?: () => number } = {}): SqliteJourneyStore {
    mkdirSync(dataDir, { recursive: true })
    return new SqliteJourneyStore(join(dataDir, 'touchline.db'), options)
  }

  constructor(file: string, options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now
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
      list: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM journeys ORDER BY updated_at DESC, id`),
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
      deleteJourney: db.prepare('DELETE FROM journeys WHERE id = ?'),
    }
  }

  async create(journey: NewJourney): Promise<void> {
    const now = this.#now()
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
          now,
          now,
        )
        this.#statements.insertUpdate.run(journey.id, this.#nextSeq++, journey.update)
      })
      .immediate()
  }

  async exists(id: string): Promise<boolean> {
    return this.#statements.exists.get(id) !== undefined
  }

  async get(id: string): Promise<JourneySummary | null> {
    const row = this.#statements.get.get(id) as SummaryRow | undefined
    return row ? toSummary(row) : null
  }

  async list(): Promise<JourneySummary[]> {
    return (this.#statements.list.all() as SummaryRow[]).map(toSummary)
  }

  async load(id: string): Promise<StoredJourney | null> {
    // One read transaction: the snapshot and the log are read as of one moment.
    return this.#db.transaction(() => this.#readStored(id))()
  }

  /**
   * Queues the append; every append and compaction queued during one event-loop turn (from
   * every room) is committed in a single transaction at the start of the next, so a busy
   * server pays for one fsync per turn rather than one per room.
   */
  append(id: string, updates: readonly Uint8Array[], digest: JourneyDigest): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.#queued.push({ id, updates, digest, resolve, reject })
      this.#scheduleCommit()
    })
  }

  #scheduleCommit(): void {
    if (this.#commitScheduled) return
    this.#commitScheduled = true
    setImmediate(() => this.#commitQueued())
  }

  #commitQueued(): void {
    this.#commitScheduled = false
    const queued = this.#queued
    const compactions = this.#queuedCompactions.splice(0, COMPACTIONS_PER_COMMIT)
    this.#queued = []
    if (this.#queuedCompactions.length > 0) this.#scheduleCommit()
    // Nothing left when `close` has committed it already.
    if (queued.length + compactions.length === 0) return
    if (!this.#db.open) {
      for (const entry of [...queued, ...compactions]) entry.reject(new Error('store closed'))
      return
    }
    let outcomes: (AppendResult | JourneyNotFoundError)[]
    let compacted: (Error | null)[]
    try {
      ;[outcomes, compacted] = this.#db
        .transaction((): [(AppendResult | JourneyNotFoundError)[], (Error | null)[]] => [
          queued.map((entry) => this.#appendNow(entry)),
          compactions.map((entry) => this.#compactNow(entry)),
        ])
        .immediate()
    } catch (error) {
      for (const entry of [...queued, ...compactions]) entry.reject(error)
      return
    }
    for (const [index, entry] of compactions.entries()) {
      const failure = compacted[index] ?? null
      if (failure === null) entry.resolve()
      else entry.reject(failure)
    }
    for (const [index, entry] of queued.entries()) {
      const outcome = outcomes[index]
      if (outcome === undefined || outcome instanceof JourneyNotFoundError) {
        entry.reject(outcome ?? new JourneyNotFoundError(entry.id))
      } else {
        entry.resolve(outcome)
      }
    }
  }

  /** One journey's share of a group commit; a missing journey fails alone. */
  #appendNow({ id, updates, digest }: QueuedAppend): AppendResult | JourneyNotFoundError {
    const { counts } = digest
    const logLength = this.#statements.touch.get(
      digest.title,
      counts.personas,
      counts.stages,
      counts.touchpoints,
      counts.connections,
      this.#now(),
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
   * Queued like an append and committed with a group commit: when many rooms reach the
   * compaction bound together, they share fsyncs instead of taking one each, a few per
   * commit (`COMPACTIONS_PER_COMMIT`).
   */
  compact(id: string, prepared?: PreparedSnapshot): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queuedCompactions.push({ id, prepared, resolve, reject })
      this.#scheduleCommit()
    })
  }

  /**
   * One journey's compaction inside the group commit, reading and rewriting in the same
   * transaction, so nothing can be appended in between. Its own savepoint: a compaction
   * that fails is undone alone and returned, and the appends committed with it stand.
   */
  #compactNow({ id, prepared }: QueuedCompaction): Error | null {
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

  async delete(id: string): Promise<boolean> {
    return this.#statements.deleteJourney.run(id).changes > 0
  }

  async close(): Promise<void> {
    // Appends already promised are committed, not dropped.
    while (this.#queued.length + this.#queuedCompactions.length > 0 && this.#db.open) {
      this.#commitQueued()
    }
    if (this.#db.open) this.#db.close()
    if (this.#lock.open) this.#lock.close()
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
