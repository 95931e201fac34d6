import { derivedDocIds, isDerivedDocId } from './derived-doc-id.js'
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
import { compactedSnapshot } from './stored-doc.js'

type Entry = {
  summary: JourneySummary
  snapshot: Uint8Array | null
  /** The log tail, each update with its position. */
  updates: { seq: number; update: Uint8Array }[]
  /** The newest position the snapshot covers. */
  snapshotThrough: number
}

/** `TOUCHLINE_STORAGE=memory`: everything is lost when the process exits. For demos and tests. */
export class MemoryJourneyStore implements JourneyStore {
  readonly soleWriter = true
  readonly #journeys = new Map<string, Entry>()
  readonly #now: () => number
  #nextSeq = 1

  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now
  }

  async create(journey: NewJourney): Promise<void> {
    if (this.#journeys.has(journey.id)) throw new JourneyExistsError(journey.id)
    const now = this.#now()
    this.#journeys.set(journey.id, {
      summary: {
        id: journey.id,
        title: journey.title,
        counts: { ...journey.counts },
        createdAt: now,
        updatedAt: now,
      },
      snapshot: null,
      updates: [{ seq: this.#nextSeq++, update: journey.update.slice() }],
      snapshotThrough: 0,
    })
  }

  async exists(id: string): Promise<boolean> {
    return this.#journeys.has(id)
  }

  async get(id: string): Promise<JourneySummary | null> {
    const entry = this.#journeys.get(id)
    return entry ? structuredClone(entry.summary) : null
  }

  async list(): Promise<JourneySummary[]> {
    return [...this.#journeys.values()]
      .filter((entry) => !isDerivedDocId(entry.summary.id))
      .map((entry) => structuredClone(entry.summary))
      .sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id))
  }

  async load(id: string): Promise<StoredJourney | null> {
    const entry = this.#journeys.get(id)
    return entry ? stored(entry) : null
  }

  async append(
    id: string,
    updates: readonly Uint8Array[],
    digest: JourneyDigest,
  ): Promise<AppendResult> {
    const entry = this.#journeys.get(id)
    if (!entry) throw new JourneyNotFoundError(id)
    // Copies: callers may reuse their buffers.
    for (const update of updates)
      entry.updates.push({ seq: this.#nextSeq++, update: update.slice() })
    entry.summary = {
      ...entry.summary,
      title: digest.title,
      counts: { ...digest.counts },
      updatedAt: this.#now(),
    }
    return { logLength: entry.updates.length, through: position(entry) }
  }

  async compact(id: string, prepared?: PreparedSnapshot): Promise<void> {
    const entry = this.#journeys.get(id)
    if (!entry) return
    if (prepared && prepared.through >= entry.snapshotThrough) {
      entry.snapshot = prepared.snapshot.slice()
      entry.snapshotThrough = prepared.through
    } else {
      const current = stored(entry)
      entry.snapshot = compactedSnapshot(current)
      entry.snapshotThrough = current.through
    }
    entry.updates = entry.updates.filter(({ seq }) => seq > entry.snapshotThrough)
  }

  async delete(id: string): Promise<boolean> {
    for (const derived of derivedDocIds(id)) this.#journeys.delete(derived)
    return this.#journeys.delete(id)
  }

  async close(): Promise<void> {
    this.#journeys.clear()
  }
}

function stored(entry: Entry): StoredJourney {
  return {
    snapshot: entry.snapshot,
    updates: entry.updates.map(({ update }) => update),
    through: position(entry),
  }
}

/** The position of the journey's newest stored update. */
function position(entry: Entry): number {
  return entry.updates.at(-1)?.seq ?? entry.snapshotThrough
}
