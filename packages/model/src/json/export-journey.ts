import type * as Y from 'yjs'
import { FORMAT, SCHEMA_VERSION } from '../constants.js'
import { docSchemaVersion } from '../doc/doc-schema-version.js'
import { readJourney } from '../doc/read-journey.js'
import type { JourneyExport } from '../entities/journey-export.js'

export interface ExportOptions {
  /** The export time; defaults to now. */
  now?: Date
}

/**
 * The journey in `doc` as the versioned JSON file (see the package README). Throws for a
 * doc written by a newer Touchline: exporting it as version 1 would silently drop whatever
 * the newer version added.
 */
export function exportJourney(doc: Y.Doc, options: ExportOptions = {}): JourneyExport {
  const version = docSchemaVersion(doc)
  if (version !== null && version > SCHEMA_VERSION) {
    throw new Error(
      `This journey was saved by a newer Touchline (layout version ${version}); this version can export up to ${SCHEMA_VERSION}.`,
    )
  }
  return {
    format: FORMAT,
    version: SCHEMA_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    journey: readJourney(doc),
  }
}
