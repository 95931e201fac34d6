import * as Y from 'yjs'
import type { z } from 'zod'
import { entityFields } from '../doc/entity-map.js'
import { type Comment, CommentSchema } from '../entities/comment.js'
import {
  copyValidComment,
  copyValidVote,
  copyValidVoteSession,
} from '../entities/copy-valid-review.js'
import { isId } from '../entities/field-checks.js'
import {
  type Vote,
  VoteSchema,
  type VoteSession,
  VoteSessionSchema,
} from '../entities/vote-session.js'
import { byId } from '../sort-by-id.js'
import { type ReviewMapName, reviewMap } from './review-layout.js'

/** The public part of a journey's review, as plain data. */
export type ReviewState = {
  comments: Comment[]
  sessions: VoteSession[]
  /** Session id -> the ids of the participants with at least one vote in it. */
  voters: Record<string, string[]>
  votes: Vote[]
}

/** A schema-valid copy of `value`, or undefined: the structural copy first, zod second. */
export function validEntity<T>(
  copyValid: (value: unknown) => T | undefined,
  schema: z.ZodType<T>,
): (value: unknown) => T | undefined {
  return (value) => {
    const copy = copyValid(value)
    if (copy) return copy
    const parsed = schema.safeParse(value)
    return parsed.success ? parsed.data : undefined
  }
}

/**
 * One stored entry -> a valid entity whose id is the map key, or undefined. Only the
 * server writes the review doc, so an entry that is not valid did not come from it (or
 * came from a newer build) and is left out rather than guessed at.
 */
function entryReader<T extends { id: string }>(
  valid: (value: unknown) => T | undefined,
): (value: unknown, id: string) => T | undefined {
  return (value, id) => {
    if (!(value instanceof Y.Map) || !isId(id)) return undefined
    const entity = valid(entityFields(value as Y.Map<unknown>))
    return entity?.id === id ? entity : undefined
  }
}

export const validComment = validEntity(copyValidComment, CommentSchema)
export const validVote = validEntity(copyValidVote, VoteSchema)

export const readComment = entryReader(validComment)
export const readSession = entryReader(validEntity(copyValidVoteSession, VoteSessionSchema))
export const readVote = entryReader(validVote)

/** A session's voters: the participant ids marked true, sorted. */
export function readVoters(value: unknown): string[] | undefined {
  if (!(value instanceof Y.Map)) return undefined
  const ids: string[] = []
  ;(value as Y.Map<unknown>).forEach((marked, id) => {
    if (marked === true && isId(id)) ids.push(id)
  })
  return ids.sort()
}

export const REVIEW_READERS = {
  comments: readComment,
  sessions: readSession,
  voters: readVoters,
  votes: readVote,
} as const

export type ReviewEntryOf = {
  [K in ReviewMapName]: NonNullable<ReturnType<(typeof REVIEW_READERS)[K]>>
}

export function readEntries<K extends ReviewMapName>(
  review: Y.Doc,
  name: K,
): Map<string, ReviewEntryOf[K]> {
  const read = REVIEW_READERS[name] as (value: unknown, id: string) => ReviewEntryOf[K] | undefined
  const out = new Map<string, ReviewEntryOf[K]>()
  reviewMap(review, name).forEach((value, id) => {
    const entry = read(value, id)
    if (entry) out.set(id, entry)
  })
  return out
}

export function sortedById<T extends { id: string }>(entries: ReadonlyMap<string, T>): T[] {
  return [...entries.values()].sort(byId)
}

/** Voters keyed by session id, in session id order. */
export function votersRecord(entries: ReadonlyMap<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const id of [...entries.keys()].sort()) out[id] = entries.get(id) ?? []
  return out
}

/**
 * The public review of a journey as plain data, every list in id order (creation order).
 * Never throws, and shares nothing with the doc. Hidden ballots are not in the review
 * doc, so they cannot be read from it.
 */
export function readReview(review: Y.Doc): ReviewState {
  return {
    comments: sortedById(readEntries(review, 'comments')),
    sessions: sortedById(readEntries(review, 'sessions')),
    voters: votersRecord(readEntries(review, 'voters')),
    votes: sortedById(readEntries(review, 'votes')),
  }
}

/** One vote session as stored, or undefined when the review has no such (valid) session. */
export function readVoteSession(review: Y.Doc, sessionId: string): VoteSession | undefined {
  return readSession(reviewMap(review, 'sessions').get(sessionId), sessionId)
}
