import type { Comment } from '../entities/comment.js'
import type { Journey } from '../entities/journey.js'
import {
  type ExportedVoteSession,
  type VoteItemRef,
  voteItemKey,
} from '../entities/vote-session.js'
import { missingAnchorTarget, missingItem, plainJourneyLookup } from '../review/journey-lookup.js'
import type { ReviewState } from '../review/read-review.js'
import type { ReviewData } from '../review/write-review.js'

/**
 * The review as a file of `journey` carries it, consistent with that journey so that it
 * imports again: the review doc keeps pointing at things editors deleted since, the file
 * cannot. A comment on a deleted target moves to the canvas origin and a reply without its
 * thread becomes a thread (as version 1 read them); a session forgets deleted items with
 * their votes and results, and a session left with no item is left out. A session's votes
 * are included only when they are public: never a hidden session's before its reveal.
 */
export function exportedReview(state: ReviewState, journey: Journey): ReviewData {
  const lookup = plainJourneyLookup(journey)
  const threads = new Set(state.comments.filter((c) => c.parentId === null).map((c) => c.id))
  const comments: Comment[] = state.comments.map((c) => {
    const anchorOk = missingAnchorTarget(lookup, c.anchor) === undefined
    const parentOk = c.parentId === null || threads.has(c.parentId)
    if (anchorOk && parentOk) return c
    return {
      ...c,
      anchor: anchorOk ? c.anchor : { type: 'canvas', x: 0, y: 0 },
      parentId: parentOk ? c.parentId : null,
    }
  })
  const voteSessions = state.sessions.flatMap((session): ExportedVoteSession[] => {
    const items = session.items.filter((item) => missingItem(lookup, item) === undefined)
    if (items.length === 0) return []
    const kept = new Set(items.map(voteItemKey))
    const listed = ({ item }: { item: VoteItemRef }) => kept.has(voteItemKey(item))
    const published = !session.hidden || session.status === 'revealed'
    const votes = published
      ? state.votes.filter((v) => v.sessionId === session.id && listed(v))
      : []
    return [{ ...session, items, results: session.results?.filter(listed) ?? null, votes }]
  })
  return { comments, voteSessions }
}
