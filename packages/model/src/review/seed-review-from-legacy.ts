import * as Y from 'yjs'
import { LIMITS } from '../constants.js'
import { entityFields } from '../doc/entity-map.js'
import { collectionMap, type LegacyCollectionName } from '../doc/layout.js'
import type { Comment } from '../entities/comment.js'
import { copyValidExportedVoteSession } from '../entities/copy-valid-review.js'
import { ExportedVoteSessionSchema } from '../entities/vote-session.js'
import { byId } from '../sort-by-id.js'
import { journeyLookup, missingAnchorTarget, missingItem } from './journey-lookup.js'
import { commentFromV1, sessionFromV1Votes, voteFromV1 } from './legacy-review.js'
import { validComment, validEntity, validVote } from './read-review.js'
import { reviewMetaMap } from './review-layout.js'
import { writeReviewData } from './write-review.js'

const validSession = validEntity(copyValidExportedVoteSession, ExportedVoteSessionSchema)

/** A legacy map's entries as plain records whose id is their key, in id order. */
function legacyRecords(doc: Y.Doc, name: LegacyCollectionName): { id: string }[] {
  const out: { id: string }[] = []
  collectionMap(doc, name).forEach((entry, id) => {
    if (entry instanceof Y.Map) out.push({ ...entityFields(entry), id })
  })
  return out.sort(byId)
}

/**
 * Copies a version 1 journey's comments and votes (the legacy `comments` and `votes` maps
 * of its doc) into its review doc, once: returns false, writing nothing, when the journey
 * has none or the review doc has been seeded before. What a version 1 read showed is what
 * is copied: a comment on a deleted touchpoint or stage moves to the canvas origin, a reply
 * whose thread is gone becomes a thread, votes on deleted things are dropped, and records
 * no version 1 client could have written are left out. The votes become one revealed
 * session, "Earlier votes"; names become `legacy-<slug>` participants. Ids are kept, so two
 * instances seeding at once write the same thing.
 */
export function seedReviewFromLegacy(
  review: Y.Doc,
  origin: unknown,
  legacyJourneyDoc: Y.Doc,
): boolean {
  const comments = legacyRecords(legacyJourneyDoc, 'comments')
  const votes = legacyRecords(legacyJourneyDoc, 'votes')
  if (comments.length === 0 && votes.length === 0) return false
  const meta = reviewMetaMap(review)
  if (meta.get('legacySeeded') === true) return false

  const journey = journeyLookup(legacyJourneyDoc)
  const kept = comments
    .flatMap((record) => validComment(commentFromV1(record)) ?? [])
    .slice(0, LIMITS.comments)
  const threads = new Set(kept.filter((c) => c.parentId === null).map((c) => c.id))
  const seeded: Comment[] = kept.map((c) => ({
    ...c,
    anchor: missingAnchorTarget(journey, c.anchor) ? { type: 'canvas', x: 0, y: 0 } : c.anchor,
    parentId: c.parentId !== null && threads.has(c.parentId) ? c.parentId : null,
  }))

  const listOf = (touchpointId: string, itemId: string) =>
    journey.hasItem(touchpointId, 'opportunities', itemId) ? 'opportunities' : 'painPoints'
  const converted = votes.flatMap((record) => {
    const vote = validVote(voteFromV1(record, listOf))
    return vote && !missingItem(journey, vote.item) ? [vote] : []
  })
  const session = validSession(sessionFromV1Votes(converted))

  review.transact(() => {
    writeReviewData(review, { comments: seeded, voteSessions: session ? [session] : [] })
    meta.set('legacySeeded', true)
  }, origin)
  return true
}
