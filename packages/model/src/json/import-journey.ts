import type * as Y from 'yjs'
import { readJourney } from '../doc/read-journey.js'
import { journeyToDoc } from '../doc/write-journey.js'
import type { Issue } from '../entities/issue.js'
import type { Journey } from '../entities/journey.js'
import { validateJourneyExport } from './validate-journey-export.js'

export type ImportResult =
  | { ok: true; doc: Y.Doc; journey: Journey }
  | { ok: false; issues: Issue[] }

/**
 * A new Y.Doc from a journey file (parsed JSON or JSON text), or every problem found.
 * All or nothing: no doc is created unless the whole file is valid.
 */
export function importJourney(json: unknown): ImportResult {
  const result = validateJourneyExport(json)
  if (!result.ok) return result
  const doc = journeyToDoc(result.value.journey)
  return { ok: true, doc, journey: readJourney(doc) }
}
