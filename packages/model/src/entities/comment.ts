import { z } from 'zod'
import { LIMITS } from '../constants.js'
import { CoordinateSchema, IdSchema, listOf, NameSchema, TimestampSchema } from './fields.js'
import { ITEM_LISTS } from './item.js'
import { ParticipantSchema } from './participant.js'

export const CommentAnchorSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('touchpoint'), id: IdSchema }),
  z.strictObject({ type: z.literal('stage'), id: IdSchema }),
  z.strictObject({
    type: z.literal('item'),
    touchpointId: IdSchema,
    itemId: IdSchema,
    list: z.enum(ITEM_LISTS),
  }),
  z.strictObject({ type: z.literal('canvas'), x: CoordinateSchema, y: CoordinateSchema }),
])
export type CommentAnchor = z.infer<typeof CommentAnchorSchema>

/**
 * A review note, kept in the journey's review doc. Replies point at a top-level comment
 * through `parentId` (one level deep) and share its anchor; `resolved` and `resolvedBy`
 * mean something on top-level comments only.
 */
export const CommentSchema = z.strictObject({
  id: IdSchema,
  anchor: CommentAnchorSchema,
  parentId: IdSchema.nullable(),
  author: ParticipantSchema,
  body: NameSchema,
  /** Participant ids mentioned with @name. */
  mentions: listOf(IdSchema, LIMITS.mentions),
  createdAt: TimestampSchema,
  editedAt: TimestampSchema.nullable(),
  resolved: z.boolean(),
  resolvedBy: ParticipantSchema.nullable(),
})

export type Comment = z.infer<typeof CommentSchema>
