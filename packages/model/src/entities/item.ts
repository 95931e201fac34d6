import { z } from 'zod'
import { IdSchema, NameSchema } from './fields.js'
import { PrioritySchema } from './priority.js'

/** The two item lists of a touchpoint, which comments and votes can point into. */
export const ITEM_LISTS = ['painPoints', 'opportunities'] as const
export type ItemList = (typeof ITEM_LISTS)[number]

/** A list entry with its own id, so votes and comments can point at a single pain point. */
export const ItemSchema = z.strictObject({
  id: IdSchema,
  text: NameSchema,
  priority: PrioritySchema.nullable(),
})
export type Item = z.infer<typeof ItemSchema>
