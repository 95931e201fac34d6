import type * as Y from 'yjs'
import { readJourney } from '../doc/read-journey.js'
import { journeyToDoc } from '../doc/write-journey.js'
import type { Issue } from '../entities/issue.js'
import type { Journey } from '../entities/journey.js'
import type { ReviewData } from '../review/write-review.js'
import { validateJourneyExport } from './validate-journey-export.js'

export type ImportResult =
  | { ok: true; doc: Y.Doc; journey: Journey; review: ReviewData }
  | { ok: false; issues: Issue[] }

/**
 * A new journey Y.Doc from a journey file (parsed JSON or JSON text), with the file's
 * review data to write into the journey's review doc (`writeReview`), or every problem
 * found. All or nothing: no doc is created unless the whole file is valid.
 */
export function importJourney(json: unknown): ImportResult {
  const result = validateJourneyExport(json)
  if (!result.ok) return result
  const { comments, voteSessions, ...content } = result.value.journey
  const doc = journeyToDoc(content)
  return { ok: true, doc, journey: readJourney(doc), review: { comments, voteSessions } }
}
