import { z } from 'zod'
import { FORMAT, SCHEMA_VERSION } from '../constants.js'
import { JourneyExportSchema } from '../entities/journey-export.js'

export const JSON_SCHEMA_ID = `https://touchline.dev/schema/journey.v${SCHEMA_VERSION}.schema.json`

/**
 * The JSON Schema of the export file, generated from the zod schemas (the single source
 * of truth). Referential integrity and unique ids cannot be expressed in JSON Schema;
 * `validateJourneyExport` checks those too.
 */
export function journeyJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(JourneyExportSchema, { target: 'draft-2020-12' })
  return {
    ...generated,
    $id: JSON_SCHEMA_ID,
    title: `Touchline journey (${FORMAT}, version ${SCHEMA_VERSION})`,
    description:
      'A customer-experience journey exported by Touchline, with its review (comments and vote sessions). Ids must be unique per collection and every reference must point at an existing entity.',
  }
}
