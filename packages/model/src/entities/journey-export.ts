import { z } from 'zod'
import { FORMAT, SCHEMA_VERSION } from '../constants.js'
import { TimestampSchema } from './fields.js'
import { JourneySchema } from './journey.js'

/** The JSON file: the product's public, versioned contract. */
export const JourneyExportSchema = z.strictObject({
  format: z.literal(FORMAT, { message: `must be "${FORMAT}"` }),
  version: z.literal(SCHEMA_VERSION),
  exportedAt: TimestampSchema,
  journey: JourneySchema,
})

export type JourneyExport = z.infer<typeof JourneyExportSchema>
