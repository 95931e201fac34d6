import * as Y from 'yjs'
import { ID_PREFIXES, LIMITS } from '../constants.js'
import { createId } from '../create-id.js'
import { entityToYMap, patchEntityMap } from '../doc/entity-map.js'
import { mapEntry } from '../doc/layout.js'
import {
  type Comment,
  type CommentAnchor,
  CommentAnchorSchema,
  CommentSchema,
} from '../entities/comment.js'
import { IdSchema } from '../entities/fields.js'
import { type JourneyLookup, missingAnchorTarget } from './journey-lookup.js'
import { readComment } from './read-review.js'
import { checkActor, type ReviewActor } from './review-actor.js'
import { reviewMap } from './review-layout.js'
import { parseReviewInput, refuse } from './review-rule-error.js'

export interface ReviewCommentInput {
  /** Where a new thread sits; a reply takes its thread's anchor (any anchor is ignored). */
  anchor?: CommentAnchor
  /** Reply to this top-level comment. */
  parentId?: string
  body: string
  /** Participant ids mentioned with @name; repeats count once. */
  mentions?: string[]
}

function parseMentions(mentions: unknown): string[] {
  return [...new Set(parseReviewInput(CommentSchema.shape.mentions, mentions, 'mentions'))]
}

function requireComment(
  review: Y.Doc,
  commentId: unknown,
): { map: Y.Map<unknown>; comment: Comment } {
  const id = parseReviewInput(IdSchema, commentId, 'commentId')
  const map = mapEntry(reviewMap(review, 'comments'), id)
  const comment = readComment(map, id)
  if (!map || !comment) throw refuse(404, `no comment with id "${id}"`, 'commentId')
  return { map, comment }
}

/** Starts a thread (commenters and editors), or replies to one. */
export function addReviewComment(
  review: Y.Doc,
  origin: unknown,
  actor: ReviewActor,
  journey: JourneyLookup,
  input: ReviewCommentInput,
  now: Date,
): Comment {
  const { participant } = checkActor(actor, 'commenter', 'comment')
  const body = parseReviewInput(CommentSchema.shape.body, input.body, 'body')
  const mentions = parseMentions(input.mentions ?? [])
  const comments = reviewMap(review, 'comments')
  let anchor: CommentAnchor
  let parentId: string | null = null
  if (input.parentId !== undefined) {
    parentId = parseReviewInput(IdSchema, input.parentId, 'parentId')
    const parent = readComment(comments.get(parentId), parentId)
    if (!parent) throw refuse(404, `no comment with id "${parentId}"`, 'parentId')
    if (parent.parentId !== null) {
      throw refuse(400, `comment "${parentId}" is itself a reply; reply to its thread`, 'parentId')
    }
    anchor = parent.anchor
  } else {
    if (input.anchor === undefined) throw refuse(400, 'is required for a new thread', 'anchor')
    anchor = parseReviewInput(CommentAnchorSchema, input.anchor, 'anchor')
    const missing = missingAnchorTarget(journey, anchor)
    if (missing) throw refuse(404, missing.message, `anchor.${missing.field}`)
  }
  if (comments.size >= LIMITS.comments) {
    throw refuse(409, `a journey holds at most ${LIMITS.comments} comments`)
  }
  const comment: Comment = {
    id: createId(ID_PREFIXES.comment),
    anchor,
    parentId,
    author: participant,
    body,
    mentions,
    createdAt: now.toISOString(),
    editedAt: null,
    resolved: false,
    resolvedBy: null,
  }
  review.transact(() => {
    comments.set(comment.id, entityToYMap(comment))
  }, origin)
  return comment
}

/** Changes a comment's text (and mentions, when given). Only its author may, editors too. */
export function editReviewComment(
  review: Y.Doc,
  origin: unknown,
  actor: ReviewActor,
  commentId: string,
  body: string,
  mentions: string[] | undefined,
  now: Date,
): Comment {
  const { participant } = checkActor(actor, 'commenter', 'edit comments')
  const text = parseReviewInput(CommentSchema.shape.body, body, 'body')
  const mentioned = mentions === undefined ? undefined : parseMentions(mentions)
  const { map, comment } = requireComment(review, commentId)
  if (comment.author.id !== participant.id) {
    throw refuse(403, 'only its author can edit a comment')
  }
  const sameMentions = mentioned === undefined || mentioned.join(' ') === comment.mentions.join(' ')
  if (text === comment.body && sameMentions) return comment
  const edited: Comment = {
    ...comment,
    body: text,
    mentions: mentioned ?? comment.mentions,
    editedAt: now.toISOString(),
  }
  review.transact(() => {
    patchEntityMap(map, { body: edited.body, mentions: edited.mentions, editedAt: edited.editedAt })
  }, origin)
  return edited
}

/**
 * Deletes a comment: its author may, and an editor may delete anyone's. Deleting the
 * start of a thread deletes its replies.
 */
export function deleteReviewComment(
  review: Y.Doc,
  origin: unknown,
  actor: ReviewActor,
  commentId: string,
): void {
  const { participant, role } = checkActor(actor, 'commenter', 'delete comments')
  const { comment } = requireComment(review, commentId)
  if (role !== 'editor' && comment.author.id !== participant.id) {
    throw refuse(403, "only its author or an editor can delete someone's comment")
  }
  const comments = reviewMap(review, 'comments')
  const doomed = [comment.id]
  if (comment.parentId === null) {
    comments.forEach((entry, id) => {
      if (entry instanceof Y.Map && entry.get('parentId') === comment.id) doomed.push(id)
    })
  }
  review.transact(() => {
    for (const id of doomed) comments.delete(id)
  }, origin)
}

/**
 * Resolves a thread, or reopens it with `resolved = false`: its author may, and any
 * editor. Resolving records who did it, not when: `now` is taken, like every review
 * mutation's, so the server calls them all alike.
 */
export function setCommentResolved(
  review: Y.Doc,
  origin: unknown,
  actor: ReviewActor,
  commentId: string,
  resolved: boolean,
  _now: Date,
): Comment {
  const { participant, role } = checkActor(actor, 'commenter', 'resolve comments')
  const wanted = parseReviewInput(CommentSchema.shape.resolved, resolved, 'resolved')
  const { map, comment } = requireComment(review, commentId)
  if (comment.parentId !== null) {
    throw refuse(400, 'is a reply; only a thread (its first comment) is resolved', 'commentId')
  }
  if (role !== 'editor' && comment.author.id !== participant.id) {
    throw refuse(403, 'only the author of the thread or an editor can resolve or reopen it')
  }
  if (comment.resolved === wanted) return comment
  const changed: Comment = { ...comment, resolved: wanted, resolvedBy: wanted ? participant : null }
  review.transact(() => {
    patchEntityMap(map, { resolved: changed.resolved, resolvedBy: changed.resolvedBy })
  }, origin)
  return changed
}
