import * as Y from 'yjs'
import { entityToYMap } from '../doc/entity-map.js'
import type { Comment } from '../entities/comment.js'
import type { ExportedVoteSession } from '../entities/vote-session.js'
import { reviewMap } from './review-layout.js'

/** A journey's review data as a file carries it (see `importJourney`). */
export type ReviewData = { comments: Comment[]; voteSessions: ExportedVoteSession[] }

/** Writes `data` into `review` inside the caller's transaction. */
export function writeReviewData(review: Y.Doc, data: ReviewData): void {
  const comments = reviewMap(review, 'comments')
  const sessions = reviewMap(review, 'sessions')
  const voters = reviewMap(review, 'voters')
  const votes = reviewMap(review, 'votes')
  for (const comment of data.comments) comments.set(comment.id, entityToYMap(comment))
  for (const { votes: sessionVotes, ...session } of data.voteSessions) {
    sessions.set(session.id, entityToYMap(session))
    // Never publish the ballots of a hidden session before its reveal, whatever the caller
    // hands in (a file cannot carry them: validation refuses it).
    const published = session.hidden && session.status !== 'revealed' ? [] : sessionVotes
    const who = new Y.Map<unknown>()
    for (const vote of published) {
      votes.set(vote.id, entityToYMap(vote))
      who.set(vote.voter.id, true)
    }
    voters.set(session.id, who)
  }
}

/**
 * Writes the review data of an imported file into a journey's (normally new, empty)
 * review doc, in one transaction. `data` must be valid, as `importJourney` returns it.
 */
export function writeReview(review: Y.Doc, origin: unknown, data: ReviewData): void {
  review.transact(() => writeReviewData(review, data), origin)
}
