import { z } from 'zod'
import { CoordinateSchema, IdSchema, NameSchema, TimestampSchema } from './fields.js'

export const CommentAnchorSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('touchpoint'), id: IdSchema }),
  z.strictObject({ type: z.literal('stage'), id: IdSchema }),
  z.strictObject({ type: z.literal('canvas'), x: CoordinateSchema, y: CoordinateSchema }),
])
export type CommentAnchor = z.infer<typeof CommentAnchorSchema>

/** A review note. Replies point at a top-level comment through `parentId` (one level deep). */
export const CommentSchema = z.strictObject({
  id: IdSchema,
  anchor: CommentAnchorSchema,
  parentId: IdSchema.nullable(),
  author: NameSchema,
  body: NameSchema,
  createdAt: TimestampSchema,
  resolved: z.boolean(),
})

export type Comment = z.infer<typeof CommentSchema>

export function commentDefaults(id: string): Comment {
  return {
    id,
    anchor: { type: 'canvas', x: 0, y: 0 },
    parentId: null,
    author: 'Unknown',
    body: '(empty)',
    createdAt: new Date(0).toISOString(),
    resolved: false,
  }
}
