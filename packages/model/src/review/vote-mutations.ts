import * as Y from 'yjs'
import { ID_PREFIXES, LIMITS } from '../constants.js'
import { createId } from '../create-id.js'
import { entityToYMap } from '../doc/entity-map.js'
import { IdSchema } from '../entities/fields.js'
import {
  type Vote,
  type VoteItemRef,
  VoteItemRefSchema,
  type VoteSession,
  voteItemKey,
} from '../entities/vote-session.js'
import { type JourneyLookup, missingItem } from './journey-lookup.js'
import { readVote } from './read-review.js'
import { checkActor, type ReviewActor } from './review-actor.js'
import { privateMap, reviewMap } from './review-layout.js'
import { parseReviewInput, refuse } from './review-rule-error.js'
import { requireOpen, requireSession } from './session-entry.js'
import { sessionVotes } from './session-votes.js'
import { voteOrder } from './tally-votes.js'

/** Where a session's votes are until its reveal: hidden ones in the private doc. */
function voteMap(review: Y.Doc, privateDoc: Y.Doc, session: VoteSession): Y.Map<Y.Map<unknown>> {
  return session.hidden && session.status === 'open'
    ? privateMap(privateDoc, 'ballots')
    : reviewMap(review, 'votes')
}

function requireVoting(session: VoteSession, now: Date): void {
  requireOpen(session)
  if (session.endsAt !== null && now.getTime() >= Date.parse(session.endsAt)) {
    throw refuse(409, `the vote session ended at ${session.endsAt}`)
  }
}

/** The session's voters map, created when a session written without one gets its first vote. */
function votersOf(review: Y.Doc, sessionId: string): Y.Map<unknown> {
  const voters = reviewMap(review, 'voters')
  const existing: unknown = voters.get(sessionId)
  if (existing instanceof Y.Map) return existing as Y.Map<unknown>
  const created = new Y.Map<unknown>()
  voters.set(sessionId, created)
  return created
}

/**
 * Places one vote (commenters and editors) on an item of an open session that has not
 * ended: within the voter's `votesPerPerson`, and once per item unless the session allows
 * more. A hidden session's vote goes to the private doc, and the review learns only that
 * this participant has voted (written on their first vote only, so not even how often).
 */
export function castVote(
  review: Y.Doc,
  privateDoc: Y.Doc,
  origin: unknown,
  actor: ReviewActor,
  journey: JourneyLookup,
  sessionId: string,
  item: VoteItemRef,
  now: Date,
): { vote: Vote; remaining: number } {
  const { participant } = checkActor(actor, 'commenter', 'vote')
  const ref = parseReviewInput(VoteItemRefSchema, item, 'item')
  const { session, itemKeys } = requireSession(review, sessionId)
  requireVoting(session, now)
  const key = voteItemKey(ref)
  if (!itemKeys.has(key)) {
    throw refuse(404, `the vote session has no item "${key}"`, 'item')
  }
  const missing = missingItem(journey, ref)
  if (missing) throw refuse(404, missing.message, `item.${missing.field}`)
  const map = voteMap(review, privateDoc, session)
  const mine = sessionVotes(map, session.id, participant.id)
  if (mine.length >= session.votesPerPerson) {
    throw refuse(409, `you have used all ${session.votesPerPerson} votes of this session`)
  }
  if (!session.allowMultiplePerItem && mine.some((v) => voteItemKey(v.item) === key)) {
    throw refuse(409, 'you have already voted for this item; this session allows one vote per item')
  }
  const stored = reviewMap(review, 'votes').size + privateMap(privateDoc, 'ballots').size
  if (stored >= LIMITS.votes) throw refuse(409, `a journey holds at most ${LIMITS.votes} votes`)
  const vote: Vote = {
    id: createId(ID_PREFIXES.vote),
    sessionId: session.id,
    voter: participant,
    item: ref,
    createdAt: now.toISOString(),
  }
  const firstVote = mine.length === 0
  if (session.hidden) {
    privateDoc.transact(() => {
      map.set(vote.id, entityToYMap(vote))
    }, origin)
  }
  if (!session.hidden || firstVote) {
    review.transact(() => {
      if (!session.hidden) map.set(vote.id, entityToYMap(vote))
      const voters = votersOf(review, session.id)
      if (voters.get(participant.id) !== true) voters.set(participant.id, true)
    }, origin)
  }
  return { vote, remaining: session.votesPerPerson - mine.length - 1 }
}

/** Takes back one of one's own votes, while the session is open and has not ended. */
export function withdrawVote(
  review: Y.Doc,
  privateDoc: Y.Doc,
  origin: unknown,
  actor: ReviewActor,
  sessionId: string,
  voteId: string,
  now: Date,
): { remaining: number } {
  const { participant } = checkActor(actor, 'commenter', 'vote')
  const id = parseReviewInput(IdSchema, voteId, 'voteId')
  const { session } = requireSession(review, sessionId)
  requireVoting(session, now)
  const map = voteMap(review, privateDoc, session)
  const vote = readVote(map.get(id), id)
  if (!vote || vote.sessionId !== session.id) {
    throw refuse(404, `no vote with id "${id}" in this session`, 'voteId')
  }
  if (vote.voter.id !== participant.id) throw refuse(403, 'you can withdraw only your own votes')
  const mine = sessionVotes(map, session.id, participant.id)
  const lastVote = mine.length <= 1
  if (session.hidden) {
    privateDoc.transact(() => {
      map.delete(id)
    }, origin)
  }
  if (!session.hidden || lastVote) {
    review.transact(() => {
      if (!session.hidden) map.delete(id)
      if (lastVote) votersOf(review, session.id).delete(participant.id)
    }, origin)
  }
  return { remaining: Math.max(0, session.votesPerPerson - mine.length + 1) }
}

/**
 * A participant's votes in a session, oldest first, hidden ones included (for their own
 * eyes: the server answers only the participant themselves), and how many they have left:
 * none once the session is no longer open.
 */
export function myVotes(
  review: Y.Doc,
  privateDoc: Y.Doc,
  participantId: string,
  sessionId: string,
): { votes: Vote[]; remaining: number } {
  const voter = parseReviewInput(IdSchema, participantId, 'participantId')
  const { session } = requireSession(review, sessionId)
  const votes = sessionVotes(voteMap(review, privateDoc, session), session.id, voter).sort(
    voteOrder,
  )
  const remaining =
    session.status === 'open' ? Math.max(0, session.votesPerPerson - votes.length) : 0
  return { votes, remaining }
}
