import type * as Y from 'yjs'
import { ID_PREFIXES, LIMITS } from '../constants.js'
import { createId } from '../create-id.js'
import { entityToYMap, patchEntityMap } from '../doc/entity-map.js'
import { collectionMap } from '../doc/layout.js'
import { type CommentAnchor, CommentSchema } from '../entities/comment.js'
import { currentEntity, requireCapacity, requireEntity } from './doc-access.js'
import { invalid, parseInput } from './invalid-input-error.js'
import { deleteCommentThreads } from './remove-touchpoints.js'

export interface CommentInput {
  author: string
  body: string
  /** Where the thread sits; a reply takes its parent's anchor and may omit it. */
  anchor?: CommentAnchor
  /** Reply to this top-level comment. */
  parentId?: string
  createdAt?: string
}

/** Starts a comment thread, or replies to one; returns the comment id. */
export function addComment(doc: Y.Doc, origin: unknown, input: CommentInput): string {
  requireCapacity(doc, 'comments', LIMITS.comments)
  const id = createId(ID_PREFIXES.comment)
  let anchor = input.anchor
  if (input.parentId !== undefined) {
    const parent = currentEntity(doc, 'comments', input.parentId)
    if (!parent) throw invalid('parentId', `no comment with id "${input.parentId}"`)
    if (parent.parentId !== null) {
      throw invalid(
        'parentId',
        `comment "${input.parentId}" is itself a reply; reply to its thread`,
      )
    }
    anchor = parent.anchor
  }
  if (!anchor) throw invalid('anchor', 'is required for a new thread')
  const comment = parseInput(CommentSchema, {
    id,
    anchor,
    parentId: input.parentId ?? null,
    author: input.author,
    body: input.body,
    createdAt: input.createdAt ?? new Date().toISOString(),
    resolved: false,
  })
  if (comment.anchor.type === 'touchpoint') {
    requireEntity(doc, 'touchpoints', comment.anchor.id, 'anchor.id')
  } else if (comment.anchor.type === 'stage') {
    requireEntity(doc, 'stages', comment.anchor.id, 'anchor.id')
  }
  doc.transact(() => {
    collectionMap(doc, 'comments').set(id, entityToYMap(comment))
  }, origin)
  return id
}

/** Changes a comment's text. */
export function editComment(doc: Y.Doc, origin: unknown, id: string, body: string): boolean {
  const map = requireEntity(doc, 'comments', id, 'id')
  const valid = parseInput(CommentSchema.shape.body, body, 'body')
  let changed = false
  doc.transact(() => {
    changed = patchEntityMap(map, { body: valid })
  }, origin)
  return changed
}

/** Marks a thread resolved (or reopens it with `resolved = false`). */
export function resolveComment(doc: Y.Doc, origin: unknown, id: string, resolved = true): boolean {
  const map = requireEntity(doc, 'comments', id, 'id')
  let changed = false
  doc.transact(() => {
    changed = patchEntityMap(map, { resolved })
  }, origin)
  return changed
}

/** Removes a comment; removing a thread's first comment removes its replies too. */
export function removeComment(doc: Y.Doc, origin: unknown, id: string): boolean {
  let removed = 0
  doc.transact(() => {
    removed = deleteCommentThreads(doc, new Set([id]))
  }, origin)
  return removed > 0
}
