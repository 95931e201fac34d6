import { z } from 'zod'
import { FORMAT, LIMITS, SCHEMA_VERSION } from '../constants.js'
import { CommentSchema } from './comment.js'
import { listOf, TimestampSchema } from './fields.js'
import { JourneySchema } from './journey.js'
import { ExportedVoteSessionSchema } from './vote-session.js'

/** The `journey` field of the file: the content plus its review data. */
export const ExportedJourneySchema = z.strictObject({
  ...JourneySchema.shape,
  comments: listOf(CommentSchema, LIMITS.comments),
  voteSessions: listOf(ExportedVoteSessionSchema, LIMITS.voteSessions),
})

export type ExportedJourney = z.infer<typeof ExportedJourneySchema>

/** The JSON file: the product's public, versioned contract. */
export const JourneyExportSchema = z.strictObject({
  format: z.literal(FORMAT, { message: `must be "${FORMAT}"` }),
  version: z.literal(SCHEMA_VERSION),
  exportedAt: TimestampSchema,
  journey: ExportedJourneySchema,
})

export type JourneyExport = z.infer<typeof JourneyExportSchema>
