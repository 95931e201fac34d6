import { FORMAT, SCHEMA_VERSION } from '../constants.js'
import type { Issue } from '../entities/issue.js'
import { migrateV1 } from './migrate-v1.js'

/** Rewrites a file of version `n` into version `n + 1`. Pure: never mutates its input. */
export type JsonMigration = (file: Record<string, unknown>) => Record<string, unknown>

/**
 * Migrations keyed by the version they upgrade from, so files written by any earlier
 * version keep opening: 1 -> 2 moved comments and votes into the review (see `migrateV1`).
 */
export const JSON_MIGRATIONS: Readonly<Record<number, JsonMigration>> = { 1: migrateV1 }

export type MigrateResult =
  | { ok: true; value: Record<string, unknown>; from: number }
  | { ok: false; issues: Issue[] }

function fail(path: string, message: string): MigrateResult {
  return { ok: false, issues: [{ path, message }] }
}

/**
 * Brings an exported file up to `target` (the current version) by running the chain of
 * migrations from its `version`. A file from a newer Touchline is a clear error rather
 * than a silent misread.
 */
export function migrate(
  json: unknown,
  migrations: Readonly<Record<number, JsonMigration>> = JSON_MIGRATIONS,
  target: number = SCHEMA_VERSION,
): MigrateResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail('', 'must be a JSON object (a Touchline journey file)')
  }
  const file = json as Record<string, unknown>
  if (file.format !== FORMAT) {
    return fail('format', `must be "${FORMAT}" (this is not a Touchline journey file)`)
  }
  const version = file.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('version', 'must be a whole number of at least 1')
  }
  if (version > target) {
    return fail(
      'version',
      `this file was written by a newer Touchline (format version ${version}); this version reads up to version ${target}`,
    )
  }
  let current = file
  for (let from = version; from < target; from++) {
    const step = migrations[from]
    if (!step) return fail('version', `no migration from format version ${from}`)
    current = { ...step(current), version: from + 1 }
  }
  return { ok: true, value: current, from: version }
}
