import type * as Y from 'yjs'
import { FORMAT, SCHEMA_VERSION } from '../constants.js'
import { docSchemaVersion } from '../doc/doc-schema-version.js'
import { readJourney } from '../doc/read-journey.js'
import type { JourneyExport } from '../entities/journey-export.js'
import { readReview } from '../review/read-review.js'
import { exportedReview } from './exported-review.js'

export interface ExportOptions {
  /** The export time; defaults to now. */
  now?: Date
  /** The journey's review doc; without it the file has no comments and no vote sessions. */
  review?: Y.Doc
}

/**
 * The journey in `doc`, with the public part of its review, as the versioned JSON file
 * (see the package README). Hidden ballots are in the private doc, which this never sees.
 * Throws for a doc written by a newer Touchline: exporting it as this version would
 * silently drop whatever the newer version added.
 */
export function exportJourney(doc: Y.Doc, options: ExportOptions = {}): JourneyExport {
  const version = docSchemaVersion(doc)
  if (version !== null && version > SCHEMA_VERSION) {
    throw new Error(
      `This journey was saved by a newer Touchline (layout version ${version}); this version can export up to ${SCHEMA_VERSION}.`,
    )
  }
  const journey = readJourney(doc)
  const review = options.review
    ? exportedReview(readReview(options.review), journey)
    : { comments: [], voteSessions: [] }
  return {
    format: FORMAT,
    version: SCHEMA_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    journey: { ...journey, ...review },
  }
}
