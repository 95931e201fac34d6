import { z } from 'zod'
import { LIMITS } from '../constants.js'
import { ColorSchema, IdSchema } from './fields.js'

/**
 * A person taking part in a review, as the server's identity knows them: the id is what
 * "your own comment" and a vote budget are about; name and colour are only displayed.
 */
export const ParticipantSchema = z.strictObject({
  id: IdSchema,
  name: z
    .string()
    .min(1, 'must not be empty')
    .max(LIMITS.participantName, `must be at most ${LIMITS.participantName} characters`),
  color: ColorSchema,
})

export type Participant = z.infer<typeof ParticipantSchema>
