import { z } from 'zod'
import { LIMITS } from '../constants.js'
import { IdSchema } from './fields.js'

/**
 * What a revealed vote session decided about a touchpoint or one of its items: its rank
 * (1 = most votes) and vote count. Written into the journey at the reveal, so it travels
 * with the journey content rather than with the review data.
 */
export const PrioritySchema = z.strictObject({
  sessionId: IdSchema,
  rank: z
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(LIMITS.voteItems, `must be at most ${LIMITS.voteItems}`),
  votes: z
    .int('must be a whole number')
    .min(0, 'must be at least 0')
    .max(LIMITS.votes, `must be at most ${LIMITS.votes}`),
})

export type Priority = z.infer<typeof PrioritySchema>
