import type * as Y from 'yjs'

/**
 * The journey's review doc (store id `${journeyId}.review`): written only by the server,
 * through the review mutations, and served read-only to every role.
 * - `comments`: comment id -> Y.Map of the comment's fields
 * - `sessions`: session id -> Y.Map of the session's fields
 * - `voters`: session id -> Y.Map(participant id -> true): who has at least one vote in
 *   the session (the count is its size), never on which items
 * - `votes`: vote id -> Y.Map of the vote: the public votes, those of sessions that are not
 *   hidden, and of hidden ones once revealed
 * - `meta`: `legacySeeded` once `seedReviewFromLegacy` has copied a version 1 journey's
 *   comments and votes, so they are never copied twice
 */
export const REVIEW_MAPS = ['comments', 'sessions', 'voters', 'votes'] as const
export type ReviewMapName = (typeof REVIEW_MAPS)[number]

/**
 * The journey's private doc (store id `${journeyId}.private`), never on a socket or route:
 * - `ballots`: vote id -> Y.Map of the vote, for hidden sessions until their reveal
 * - `links`: the journey's share links (the server's)
 */
export const PRIVATE_MAPS = ['ballots', 'links'] as const
export type PrivateMapName = (typeof PRIVATE_MAPS)[number]

export function reviewMap(review: Y.Doc, name: ReviewMapName): Y.Map<Y.Map<unknown>> {
  return review.getMap<Y.Map<unknown>>(name)
}

export function reviewMetaMap(review: Y.Doc): Y.Map<unknown> {
  return review.getMap<unknown>('meta')
}

export function privateMap(privateDoc: Y.Doc, name: PrivateMapName): Y.Map<Y.Map<unknown>> {
  return privateDoc.getMap<Y.Map<unknown>>(name)
}
