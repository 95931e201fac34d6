import type * as Y from 'yjs'
import type { JourneyStore } from '../storage/journey-store.js'
import { docFromStored } from '../storage/stored-doc.js'

/** Upgrades a stored document in place; the model's `migrateDoc` fits. */
export type MigrateDoc = (
  doc: Y.Doc,
  origin: unknown,
) => { ok: true } | { ok: false; message: string }

export type LoadOutcome =
  | {
      status: 'loaded'
      /** Stored updates after the snapshot: decides whether to compact. */
      logLength: number
      /** Where the loaded log ends: what a snapshot of the loaded state covers. */
      through: number
      /** What the migration changed, as updates to store; empty when nothing changed. */
      migration: Uint8Array[]
    }
  | { status: 'missing' }
  | { status: 'refused'; message: string }

/** A stored journey this server cannot read, such as one saved by a newer Touchline. */
export class UnsupportedJourneyError extends Error {
  constructor(
    readonly journeyId: string,
    message: string,
  ) {
    super(message)
    this.name = 'UnsupportedJourneyError'
  }
}

/** Marks the migration's transaction, which no client made. */
const MIGRATION = Symbol('migration')

/** Reads a journey from storage into `doc` and brings it to the current layout. */
export async function loadJourney(
  store: JourneyStore,
  journeyId: string,
  doc: Y.Doc,
  migrate: MigrateDoc,
): Promise<LoadOutcome> {
  const stored = await store.load(journeyId)
  if (stored === null) return { status: 'missing' }
  docFromStored(stored, doc)
  const migration: Uint8Array[] = []
  const record = (update: Uint8Array) => migration.push(update)
  doc.on('update', record)
  try {
    const migrated = migrate(doc, MIGRATION)
    if (!migrated.ok) return { status: 'refused', message: migrated.message }
  } finally {
    doc.off('update', record)
  }
  return { status: 'loaded', logLength: stored.updates.length, through: stored.through, migration }
}
