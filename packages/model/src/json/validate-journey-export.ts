import { LIMITS } from '../constants.js'
import { copyValidJourneyExport } from '../entities/copy-valid-journey.js'
import type { Issue } from '../entities/issue.js'
import { type JourneyExport, JourneyExportSchema } from '../entities/journey-export.js'
import { checkJsonSafety } from './check-json-safety.js'
import { checkReferences } from './check-references.js'
import { migrate } from './migrate.js'
import { utf8Length } from './utf8-length.js'
import { fromZodIssues } from './zod-issues.js'

/** Reports stop here, so a hostile file cannot make a huge error response. */
export const MAX_ISSUES = 100

export type ValidationResult = { ok: true; value: JourneyExport } | { ok: false; issues: Issue[] }

function capped(issues: Issue[]): Issue[] {
  if (issues.length <= MAX_ISSUES) return issues
  return [
    ...issues.slice(0, MAX_ISSUES),
    { path: '', message: `and ${issues.length - MAX_ISSUES} more problems` },
  ]
}

/**
 * Checks an untrusted journey file (a parsed JSON value, or JSON text) completely: JSON
 * safety, format and version (migrating older versions), the schema with every limit, then
 * unique ids and referential integrity. Returns the current-version export or every
 * problem found, each with a path and a readable message.
 */
export function validateJourneyExport(json: unknown): ValidationResult {
  let value = json
  if (typeof json === 'string') {
    // A UTF-16 unit takes 1 to 3 bytes, so only texts in between need counting.
    const tooLarge =
      json.length > LIMITS.importBytes ||
      (json.length * 3 > LIMITS.importBytes && utf8Length(json) > LIMITS.importBytes)
    if (tooLarge) {
      return {
        ok: false,
        issues: [{ path: '', message: `is larger than ${LIMITS.importBytes} bytes` }],
      }
    }
    try {
      // Editors on some platforms save JSON with a byte-order mark, which JSON.parse rejects.
      value = JSON.parse(json.startsWith('\uFEFF') ? json.slice(1) : json)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return { ok: false, issues: [{ path: '', message: `is not valid JSON: ${reason}` }] }
    }
  }
  const unsafe = checkJsonSafety(value, MAX_ISSUES + 1)
  if (unsafe.length > 0) return { ok: false, issues: capped(unsafe) }

  const migrated = migrate(value)
  if (!migrated.ok) return migrated

  // A valid file passes the structural copy; only a faulty one pays for zod, which names
  // every problem.
  let file = copyValidJourneyExport(migrated.value)
  if (!file) {
    const parsed = JourneyExportSchema.safeParse(migrated.value, { reportInput: true })
    if (!parsed.success) return { ok: false, issues: capped(fromZodIssues(parsed.error.issues)) }
    file = parsed.data
  }

  const references = checkReferences(file.journey)
  if (references.length > 0) return { ok: false, issues: capped(references) }
  return { ok: true, value: file }
}
