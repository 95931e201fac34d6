import { z } from 'zod'
import { IdSchema, NameSchema, TextSchema } from './fields.js'

/** Bounds of a stage's `order`, far beyond what midpoint inserts and renumbering reach. */
export const STAGE_ORDER_LIMIT = 1e12

/**
 * An ordered column. `order` is a number rather than an array position so that two people
 * reordering at once never duplicate or lose a stage: each move rewrites one stage's number.
 */
export const StageSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  description: TextSchema,
  order: z
    .number()
    .min(-STAGE_ORDER_LIMIT, 'is out of range')
    .max(STAGE_ORDER_LIMIT, 'is out of range'),
})

export type Stage = z.infer<typeof StageSchema>

export function stageDefaults(id: string): Stage {
  return { id, name: 'Stage', description: '', order: 0 }
}
