import { z } from 'zod'
import { IdSchema, NameSchema, TimestampSchema } from './fields.js'

/**
 * A workshop dot vote on a touchpoint, or on one of its pain points or opportunities
 * (`itemId` is that item's id; null means the touchpoint itself).
 */
export const VoteSchema = z.strictObject({
  id: IdSchema,
  voter: NameSchema,
  touchpointId: IdSchema,
  itemId: IdSchema.nullable(),
  createdAt: TimestampSchema,
})

export type Vote = z.infer<typeof VoteSchema>

export function voteDefaults(id: string): Vote {
  return {
    id,
    voter: 'Unknown',
    touchpointId: '',
    itemId: null,
    createdAt: new Date(0).toISOString(),
  }
}
