/**
 * The storage seam, implemented by the embedded SQLite file, the in-memory store and the
 * PostgreSQL store that several server instances share. That last one is why every method
 * is asynchronous. A room hands `compact` a snapshot of its in-memory document only when
 * that document is known to hold the whole log: just after loading it, or whenever this
 * process is the storage's only writer (`soleWriter`). Otherwise the store rebuilds the
 * snapshot from what is stored, since the log may hold another instance's update that the
 * room's document has not received yet.
 *
 * A journey is stored as at most one snapshot (a Yjs V2 update of the whole document)
 * plus an append-only log of Yjs V1 updates. Its state is the snapshot merged with the log.
 * A journey's derived documents (`derived-doc-id.ts`) are stored the same way, under ids
 * with a `.` that no journey id can have.
 */

/** Entity counts shown in journey lists, taken from the document's top-level maps. */
export type JourneyCounts = {
  personas: number
  stages: number
  touchpoints: number
  connections: number
}

/** What a list of journeys needs, without loading any document. */
export type JourneySummary = {
  id: string
  title: string
  counts: JourneyCounts
  /** Milliseconds since the epoch. */
  createdAt: number
  /** Milliseconds since the epoch; moves on every stored update. */
  updatedAt: number
}

/** Title and counts, recomputed from the document whenever updates are stored. */
export type JourneyDigest = { title: string; counts: JourneyCounts }

export type NewJourney = JourneyDigest & {
  id: string
  /** The whole initial document as one Yjs V1 update (`Y.encodeStateAsUpdate`). */
  update: Uint8Array
}

export type StoredJourney = {
  /** The compacted document as a Yjs V2 update, or null before the first compaction. */
  snapshot: Uint8Array | null
  /** Yjs V1 updates appended after the snapshot, oldest first. */
  updates: Uint8Array[]
  /**
   * Opaque, increasing position of the newest update read: a snapshot made from exactly
   * this state covers the log up to here (see `compact`).
   */
  through: number
}

/** A snapshot someone already built from a document at hand, and what it covers. */
export type PreparedSnapshot = {
  /** The whole document as a Yjs V2 update. */
  snapshot: Uint8Array
  /**
   * The position up to which the document held every stored update (a load's
   * `StoredJourney.through`, an append's `AppendResult.through`). Later updates it holds
   * too are harmless: they stay in the log, and applying them again changes nothing.
   */
  through: number
}

export type AppendResult = {
  /** How many updates the log holds after this append: the compaction trigger. */
  logLength: number
  /**
   * Position (as in `StoredJourney.through`) of the last update this append stored: a
   * snapshot of a document holding everything stored up to it covers the log up to here.
   */
  through: number
}

export interface JourneyStore {
  /**
   * True when no other process can append to this storage while it is open (the SQLite
   * file is locked to this process; memory belongs to it). Every stored update then came
   * through this process, so a room's document holds all of its journey's log.
   */
  readonly soleWriter: boolean
  /** Stores a new journey; rejects with `JourneyExistsError` when the id is taken. */
  create(journey: NewJourney): Promise<void>
  exists(id: string): Promise<boolean>
  get(id: string): Promise<JourneySummary | null>
  /** Most recently updated first; journeys only, never their derived documents. */
  list(): Promise<JourneySummary[]>
  /** Snapshot and log tail, or null for an unknown journey. */
  load(id: string): Promise<StoredJourney | null>
  /**
   * Appends updates in one transaction (one group commit) and refreshes the digest.
   * Resolves only once the updates are durable. Rejects with `JourneyNotFoundError`
   * when the journey does not exist (e.g. it was deleted meanwhile).
   */
  append(id: string, updates: readonly Uint8Array[], digest: JourneyDigest): Promise<AppendResult>
  /**
   * Rewrites the journey as one V2 snapshot and an empty log, atomically. Updates appended
   * concurrently (by this or another instance) stay in the log. A crash at any moment leaves
   * either the old or the new representation, both complete.
   *
   * With `prepared` (a room has the document at hand), the store skips rebuilding it and
   * drops only the updates the snapshot covers; if another compaction has since covered
   * more, it rebuilds from storage instead.
   */
  compact(id: string, prepared?: PreparedSnapshot): Promise<void>
  /**
   * Removes the journey and its log, and its derived documents (`derivedDocIds`) with it;
   * false when the journey did not exist.
   */
  delete(id: string): Promise<boolean>
  close(): Promise<void>
}

export class JourneyExistsError extends Error {
  constructor(readonly journeyId: string) {
    super(`journey ${journeyId} already exists`)
    this.name = 'JourneyExistsError'
  }
}

export class JourneyNotFoundError extends Error {
  constructor(readonly journeyId: string) {
    super(`journey ${journeyId} does not exist`)
    this.name = 'JourneyNotFoundError'
  }
}
