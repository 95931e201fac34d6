import {
  type AppendResult,
  type JourneyDigest,
  JourneyExistsError,
  JourneyNotFoundError,
  type JourneyStore,
  type JourneySummary,
  type NewJourney,
  type StoredJourney,
} from './journey-store.js'
import { compactedSnapshot } from './stored-doc.js'

type Entry = { summary: JourneySummary; snapshot: Uint8Array | null; updates: Uint8Array[] }

/** `TOUCHLINE_STORAGE=memory`: everything is lost when the process exits. For demos and tests. */
export class MemoryJourneyStore implements JourneyStore {
  readonly #journeys = new Map<string, Entry>()
  readonly #now: () => number

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
      updates: [journey.update.slice()],
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
      .map((entry) => structuredClone(entry.summary))
      .sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id))
  }

  async load(id: string): Promise<StoredJourney | null> {
    const entry = this.#journeys.get(id)
    return entry ? { snapshot: entry.snapshot, updates: [...entry.updates] } : null
  }

  async append(
    id: string,
    updates: readonly Uint8Array[],
    digest: JourneyDigest,
  ): Promise<AppendResult> {
    const entry = this.#journeys.get(id)
    if (!entry) throw new JourneyNotFoundError(id)
    // Copies: callers may reuse their buffers.
    for (const update of updates) entry.updates.push(update.slice())
    entry.summary = {
      ...entry.summary,
      title: digest.title,
      counts: { ...digest.counts },
      updatedAt: this.#now(),
    }
    return { logLength: entry.updates.length }
  }

  async compact(id: string): Promise<void> {
    const entry = this.#journeys.get(id)
    if (!entry) return
    const covered = entry.updates.length
    entry.snapshot = compactedSnapshot({ snapshot: entry.snapshot, updates: entry.updates })
    entry.updates = entry.updates.slice(covered)
  }

  async delete(id: string): Promise<boolean> {
    return this.#journeys.delete(id)
  }

  async close(): Promise<void> {
    this.#journeys.clear()
  }
}
