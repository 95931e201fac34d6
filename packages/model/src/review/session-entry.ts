import type * as Y from 'yjs'
import { mapEntry } from '../doc/layout.js'
import { IdSchema } from '../entities/fields.js'
import { type VoteSession, voteItemKey } from '../entities/vote-session.js'
import { readSession } from './read-review.js'
import { reviewMap } from './review-layout.js'
import { parseReviewInput, refuse } from './review-rule-error.js'

export type SessionEntry = {
  map: Y.Map<unknown>
  /** Shared between calls while the entry is unchanged: read it, never change it. */
  session: VoteSession
  itemKeys: ReadonlySet<string>
}

type Cached = { fields: Map<string, unknown>; entry: SessionEntry }

/**
 * Each vote needs its session, whose items can be thousands: reading and keying them for
 * every vote would make a vote's cost grow with the session. A session's entry is read
 * again only when one of its stored values is no longer the very same value (Yjs keeps a
 * stored value's identity until it is overwritten), so a vote costs a dozen comparisons.
 */
const cache = new WeakMap<Y.Map<unknown>, Cached>()

function unchanged(map: Y.Map<unknown>, fields: ReadonlyMap<string, unknown>): boolean {
  let count = 0
  for (const [key, value] of map.entries()) {
    if (fields.get(key) !== value) return false
    count++
  }
  return count === fields.size
}

/** The session's entry, or a 404. */
export function requireSession(review: Y.Doc, sessionId: unknown): SessionEntry {
  const id = parseReviewInput(IdSchema, sessionId, 'sessionId')
  const map = mapEntry(reviewMap(review, 'sessions'), id)
  const hit = map && cache.get(map)
  if (map && hit && unchanged(map, hit.fields)) return hit.entry
  const session = readSession(map, id)
  if (!map || !session) throw refuse(404, `no vote session with id "${id}"`, 'sessionId')
  const entry = { map, session, itemKeys: new Set(session.items.map(voteItemKey)) }
  cache.set(map, { fields: new Map(map.entries()), entry })
  return entry
}

/** A 409 unless the session is open. */
export function requireOpen(session: VoteSession): void {
  if (session.status !== 'open') throw refuse(409, `the vote session is ${session.status}`)
}
