import pg from 'pg'
import { atTurnEnd } from '../turn-end.js'
import { derivedDocIds } from './derived-doc-id.js'
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
import { preparePostgresSchema } from './postgres-schema.js'
import { compactedSnapshot } from './stored-doc.js'
import { SUMMARY_COLUMNS, type SummaryRow, toSummary } from './summary-row.js'

export type PostgresStoreOptions = {
  /** Schema holding the tables (created if missing); `touchline` by default. */
  schema?: string
  now?: () => number
  /** Connections in the pool. */
  maxConnections?: number
}

/** One `append` call waiting for the group commit of its event-loop turn. */
type QueuedAppend = {
  id: string
  updates: readonly Uint8Array[]
  digest: JourneyDigest
  resolve: (result: AppendResult) => void
  reject: (error: unknown) => void
}

/**
 * Storage shared by several server instances. Appends take the journey's row lock before
 * they insert, so a journey's log positions are handed out in commit order: a reader that
 * has seen position N has seen every update up to N, which is what makes "delete the log up
 * to what the snapshot covers" safe while other instances append and compact concurrently.
 */
export class PostgresJourneyStore implements JourneyStore {
  /** Other instances append to the same journeys. */
  readonly soleWriter = false
  readonly #pool: pg.Pool
  readonly #now: () => number
  readonly #t: { journeys: string; updates: string }
  #queued: QueuedAppend[] = []
  #committing: Promise<void> | null = null

  /** Connects, creates or checks the schema, and returns a ready store. */
  static async open(
    connectionString: string,
    options: PostgresStoreOptions = {},
  ): Promise<PostgresJourneyStore> {
    const schema = options.schema ?? 'touchline'
    const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 })
    // An idle connection the database dropped must not crash the process; the pool
    // replaces it on the next query.
    pool.on('error', () => {})
    try {
      await preparePostgresSchema(pool, schema)
    } catch (error) {
      await pool.end()
      throw error
    }
    return new PostgresJourneyStore(pool, schema, options.now ?? Date.now)
  }

  private constructor(pool: pg.Pool, schema: string, now: () => number) {
    this.#pool = pool
    this.#now = now
    this.#t = { journeys: `"${schema}".journeys`, updates: `"${schema}".journey_updates` }
  }

  async create(journey: NewJourney): Promise<void> {
    const now = this.#now()
    const { counts } = journey
    await this.#transaction(async (client) => {
      const inserted = await client.query(
        `INSERT INTO ${this.#t.journeys} (${SUMMARY_COLUMNS}, log_length)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7, 1) ON CONFLICT (id) DO NOTHING`,
        [
          journey.id,
          journey.title,
          counts.personas,
          counts.stages,
          counts.touchpoints,
          counts.connections,
          now,
        ],
      )
      if (inserted.rowCount === 0) throw new JourneyExistsError(journey.id)
      await client.query(`INSERT INTO ${this.#t.updates} (journey_id, data) VALUES ($1, $2)`, [
        journey.id,
        journey.update,
      ])
    })
  }

  async exists(id: string): Promise<boolean> {
    const { rowCount } = await this.#pool.query(`SELECT 1 FROM ${this.#t.journeys} WHERE id = $1`, [
      id,
    ])
    return (rowCount ?? 0) > 0
  }

  async get(id: string): Promise<JourneySummary | null> {
    const { rows } = await this.#pool.query<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM ${this.#t.journeys} WHERE id = $1`,
      [id],
    )
    return rows[0] ? toSummary(rows[0]) : null
  }

  async list(): Promise<JourneySummary[]> {
    const { rows } = await this.#pool.query<SummaryRow>(
      // Derived documents (`x.review`) are stored like journeys but are not journeys.
      `SELECT ${SUMMARY_COLUMNS} FROM ${this.#t.journeys} WHERE strpos(id, '.') = 0
       ORDER BY updated_at DESC, id`,
    )
    return rows.map(toSummary)
  }

  async load(id: string): Promise<StoredJourney | null> {
    // One snapshot of the database: a compaction committing between reading the snapshot
    // and reading the log cannot make us miss or double-count anything.
    return this.#transaction(async (client) => {
      const { rows } = await client.query<{ snapshot: Buffer | null; snapshot_through: string }>(
        `SELECT snapshot, snapshot_through FROM ${this.#t.journeys} WHERE id = $1`,
        [id],
      )
      const row = rows[0]
      if (!row) return null
      const log = await client.query<{ seq: string; data: Buffer }>(
        `SELECT seq, data FROM ${this.#t.updates} WHERE journey_id = $1 ORDER BY seq`,
        [id],
      )
      return {
        snapshot: row.snapshot,
        updates: log.rows.map((entry) => entry.data),
        through: Number(log.rows.at(-1)?.seq ?? row.snapshot_through),
      }
    }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
  }

  /**
   * Queues the append; everything queued while the previous commit was on its way to the
   * database goes out in the next single transaction, so a busy instance pays one commit
   * per round trip rather than one per room.
   */
  append(id: string, updates: readonly Uint8Array[], digest: JourneyDigest): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.#queued.push({ id, updates, digest, resolve, reject })
      if (this.#committing === null) this.#committing = this.#commitLoop()
    })
  }

  async #commitLoop(): Promise<void> {
    // Let the rest of this turn queue its appends first.
    await new Promise<void>((resolve) => atTurnEnd(resolve))
    while (this.#queued.length > 0) {
      const batch = this.#queued
      this.#queued = []
      await this.#commitBatch(batch)
    }
    this.#committing = null
  }

  async #commitBatch(batch: QueuedAppend[]): Promise<void> {
    // Row locks are taken in id order, so two instances committing overlapping journeys
    // wait for each other instead of deadlocking.
    const ordered = [...batch].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    let outcomes: Map<QueuedAppend, AppendResult | JourneyNotFoundError>
    try {
      outcomes = await this.#transaction(async (client) => {
        const results = new Map<QueuedAppend, AppendResult | JourneyNotFoundError>()
        for (const entry of ordered) results.set(entry, await this.#appendNow(client, entry))
        return results
      })
    } catch (error) {
      for (const entry of batch) entry.reject(error)
      return
    }
    for (const entry of batch) {
      const outcome = outcomes.get(entry) ?? new JourneyNotFoundError(entry.id)
      if (outcome instanceof JourneyNotFoundError) entry.reject(outcome)
      else entry.resolve(outcome)
    }
  }

  /** One journey's share of a group commit; a missing journey fails alone. */
  async #appendNow(
    client: pg.PoolClient,
    { id, updates, digest }: QueuedAppend,
  ): Promise<AppendResult | JourneyNotFoundError> {
    const { counts } = digest
    const touched = await client.query<{ log_length: number }>(
      `UPDATE ${this.#t.journeys} SET title = $1, personas = $2, stages = $3, touchpoints = $4,
         connections = $5, updated_at = $6, log_length = log_length + $7
       WHERE id = $8 RETURNING log_length`,
      [
        digest.title,
        counts.personas,
        counts.stages,
        counts.touchpoints,
        counts.connections,
        this.#now(),
        updates.length,
        id,
      ],
    )
    const row = touched.rows[0]
    if (!row) return new JourneyNotFoundError(id)
    if (updates.length === 0) {
      // Read under the row lock just taken, so every append committed before it is seen.
      const { rows } = await client.query<{ through: string }>(
        `SELECT coalesce(
           (SELECT max(seq) FROM ${this.#t.updates} WHERE journey_id = $1), snapshot_through
         ) AS through FROM ${this.#t.journeys} WHERE id = $1`,
        [id],
      )
      return { logLength: row.log_length, through: Number(rows[0]?.through) }
    }
    const inserted = await client.query<{ through: string }>(
      `WITH inserted AS (
         INSERT INTO ${this.#t.updates} (journey_id, data)
         SELECT $1, data FROM unnest($2::bytea[]) WITH ORDINALITY AS u(data, n) ORDER BY n
         RETURNING seq)
       SELECT max(seq) AS through FROM inserted`,
      [id, updates.map((update) => Buffer.from(update.buffer, update.byteOffset, update.length))],
    )
    return { logLength: row.log_length, through: Number(inserted.rows[0]?.through) }
  }

  async compact(id: string, prepared?: PreparedSnapshot): Promise<void> {
    // The snapshot is built outside any transaction so appends are not held up meanwhile;
    // the swap then checks, under the row lock, that nobody has covered more since.
    let candidate = prepared ?? (await this.#prepare(id))
    while (candidate !== null) {
      const outcome = await this.#swapIn(id, candidate)
      if (outcome !== 'stale') return
      candidate = await this.#prepare(id)
    }
  }

  async #prepare(id: string): Promise<PreparedSnapshot | null> {
    const stored = await this.load(id)
    if (!stored || stored.updates.length === 0) return null
    return { snapshot: compactedSnapshot(stored), through: stored.through }
  }

  async #swapIn(id: string, candidate: PreparedSnapshot): Promise<'done' | 'missing' | 'stale'> {
    return this.#transaction(async (client) => {
      const { rows } = await client.query<{ snapshot_through: string }>(
        `SELECT snapshot_through FROM ${this.#t.journeys} WHERE id = $1 FOR UPDATE`,
        [id],
      )
      const row = rows[0]
      if (!row) return 'missing'
      if (Number(row.snapshot_through) > candidate.through) return 'stale'
      const removed = await client.query(
        `DELETE FROM ${this.#t.updates} WHERE journey_id = $1 AND seq <= $2`,
        [id, candidate.through],
      )
      await client.query(
        `UPDATE ${this.#t.journeys} SET snapshot = $1, snapshot_through = $2,
           log_length = log_length - $3 WHERE id = $4`,
        [Buffer.from(candidate.snapshot), candidate.through, removed.rowCount ?? 0, id],
      )
      return 'done'
    })
  }

  /** Removes the journey and its derived documents in one statement. */
  async delete(id: string): Promise<boolean> {
    const { rows } = await this.#pool.query<{ id: string }>(
      `DELETE FROM ${this.#t.journeys} WHERE id = ANY($1::text[]) RETURNING id`,
      [[id, ...derivedDocIds(id)]],
    )
    return rows.some((row) => row.id === id)
  }

  async close(): Promise<void> {
    // Appends already promised are committed, not dropped.
    while (this.#committing !== null) await this.#committing
    if (!this.#pool.ended) await this.#pool.end()
  }

  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    const client = await this.#pool.connect()
    try {
      await client.query(begin)
      const result = await work(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }
}
