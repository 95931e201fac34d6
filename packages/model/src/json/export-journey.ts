import type * as Y from 'yjs'
import { FORMAT, SCHEMA_VERSION } from '../constants.js'
import { readJourney } from '../doc/read-journey.js'
import type { JourneyExport } from '../entities/journey-export.js'

export interface ExportOptions {
  /** The export time; defaults to now. */
  now?: Date
}

/** The journey in `doc` as the versioned JSON file (see the package README). */
export function exportJourney(doc: Y.Doc, options: ExportOptions = {}): JourneyExport {
  return {
    format: FORMAT,
    version: SCHEMA_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    journey: readJourney(doc),
  }
}
