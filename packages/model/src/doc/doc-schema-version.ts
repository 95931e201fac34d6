import type * as Y from 'yjs'
import { SCHEMA_VERSION } from '../constants.js'
import { COLLECTIONS, collectionMap, LEGACY_COLLECTIONS, metaMap } from './layout.js'

/** The layout version stored in the doc's meta map, or null when none is stored. */
export function docSchemaVersion(doc: Y.Doc): number | null {
  const value = metaMap(doc).get('schemaVersion')
  return typeof value === 'number' && Number.isInteger(value) ? value : null
}

/** Upgrades a doc from `version` to `version + 1` in place (inside a transaction). */
export type DocMigration = (doc: Y.Doc) => void

/**
 * Doc migrations keyed by the version they upgrade from.
 *
 * 1 -> 2 moved comments and votes out of the journey doc into the review doc, and added
 * `priority` to touchpoints and items. It rewrites nothing: the `comments` and `votes` maps
 * stay, unread, for the server's one-time `seedReviewFromLegacy`, and a missing priority
 * reads as null. The new version number alone matters: it makes a version 1 client, which
 * would still write comments into the journey, refuse the doc.
 */
export const DOC_MIGRATIONS: Readonly<Record<number, DocMigration>> = {
  1: () => undefined,
}

export type MigrateDocResult =
  | { ok: true; from: number | null; to: number | null }
  | { ok: false; from: number; message: string }

function isEmpty(doc: Y.Doc): boolean {
  return (
    metaMap(doc).size === 0 &&
    [...COLLECTIONS, ...LEGACY_COLLECTIONS].every((name) => collectionMap(doc, name).size === 0)
  )
}

/**
 * Brings a stored doc up to `SCHEMA_VERSION` in one transaction. A doc from a newer
 * Touchline is refused (never downgraded) so an older client cannot damage it; a doc with
 * content but no version predates versioning and is stamped as version 1. An empty doc
 * is left alone.
 */
export function migrateDoc(
  doc: Y.Doc,
  origin: unknown = null,
  migrations: Readonly<Record<number, DocMigration>> = DOC_MIGRATIONS,
  target: number = SCHEMA_VERSION,
): MigrateDocResult {
  const from = docSchemaVersion(doc)
  if (from === null && isEmpty(doc)) return { ok: true, from: null, to: null }
  const start = from ?? 1
  if (start > target) {
    return {
      ok: false,
      from: start,
      message: `This journey was saved by a newer Touchline (layout version ${start}); this version understands up to ${target}. Open it with an up-to-date Touchline.`,
    }
  }
  if (start < 1) {
    return { ok: false, from: start, message: `Unknown layout version ${start}.` }
  }
  for (let version = start; version < target; version++) {
    if (!migrations[version]) {
      return { ok: false, from: start, message: `No migration from layout version ${version}.` }
    }
  }
  doc.transact(() => {
    for (let version = start; version < target; version++) migrations[version]?.(doc)
    if (from !== target) metaMap(doc).set('schemaVersion', target)
  }, origin)
  return { ok: true, from, to: target }
}
