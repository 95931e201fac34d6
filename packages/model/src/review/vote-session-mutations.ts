import * as Y from 'yjs'
import { ID_PREFIXES, LIMITS } from '../constants.js'
import { createId } from '../create-id.js'
import { entityToYMap, patchEntityMap } from '../doc/entity-map.js'
import {
  VOTE_SESSION_DEFAULTS,
  type VoteItemRef,
  type VoteResult,
  type VoteSession,
  type VoteSessionSettings,
  VoteSessionSettingsSchema,
  voteItemKey,
} from '../entities/vote-session.js'
import { type JourneyLookup, missingItem } from './journey-lookup.js'
import { checkActor, type ReviewActor } from './review-actor.js'
import { privateMap, reviewMap } from './review-layout.js'
import { parseReviewInput, refuse } from './review-rule-error.js'
import { requireOpen, requireSession } from './session-entry.js'
import { sessionVotes } from './session-votes.js'
import { tallyVotes } from './tally-votes.js'

export type VoteSessionInput = Partial<VoteSessionSettings> & { items: VoteItemRef[] }

function openSessionId(review: Y.Doc): string | undefined {
  let open: string | undefined
  reviewMap(review, 'sessions').forEach((entry, id) => {
    if (entry instanceof Y.Map && entry.get('status') === 'open') open = id
  })
  return open
}

/**
 * Starts a vote session (editors only) on items of the journey, with the defaults of
 * `VOTE_SESSION_DEFAULTS` for settings left out. One session is open per journey at a
 * time; `endsAt`, when given, must be later than `now`.
 */
export function startVoteSession(
  review: Y.Doc,
  origin: unknown,
  actor: ReviewActor,
  journey: JourneyLookup,
  settings: VoteSessionInput,
  now: Date,
): VoteSession {
  const { participant } = checkActor(actor, 'editor', 'start a vote session')
  const valid = parseReviewInput(VoteSessionSettingsSchema, {
    title: settings.title ?? VOTE_SESSION_DEFAULTS.title,
    items: settings.items,
    votesPerPerson: settings.votesPerPerson ?? VOTE_SESSION_DEFAULTS.votesPerPerson,
    allowMultiplePerItem:
      settings.allowMultiplePerItem ?? VOTE_SESSION_DEFAULTS.allowMultiplePerItem,
    hidden: settings.hidden ?? VOTE_SESSION_DEFAULTS.hidden,
    endsAt: settings.endsAt ?? VOTE_SESSION_DEFAULTS.endsAt,
  })
  if (valid.endsAt !== null && Date.parse(valid.endsAt) <= now.getTime()) {
    throw refuse(400, 'must be in the future', 'endsAt')
  }
  const keys = new Set<string>()
  valid.items.forEach((item, i) => {
    const key = voteItemKey(item)
    if (keys.has(key)) throw refuse(400, `lists the item "${key}" twice`, `items[${i}]`)
    keys.add(key)
  })
  valid.items.forEach((item, i) => {
    const missing = missingItem(journey, item)
    if (missing) throw refuse(404, missing.message, `items[${i}].${missing.field}`)
  })
  const open = openSessionId(review)
  if (open !== undefined) {
    throw refuse(409, `vote session "${open}" is still open; reveal or cancel it first`)
  }
  const sessions = reviewMap(review, 'sessions')
  if (sessions.size >= LIMITS.voteSessions) {
    throw refuse(409, `a journey holds at most ${LIMITS.voteSessions} vote sessions`)
  }
  const session: VoteSession = {
    id: createId(ID_PREFIXES.voteSession),
    status: 'open',
    ...valid,
    createdBy: participant,
    createdAt: now.toISOString(),
    revealedAt: null,
    results: null,
  }
  review.transact(() => {
    sessions.set(session.id, entityToYMap(session))
    reviewMap(review, 'voters').set(session.id, new Y.Map<unknown>())
  }, origin)
  return session
}

/**
 * Ends an open session (editors only, before or after its `endsAt`) and publishes it:
 * a hidden session's ballots move from the private doc to the review's public votes, and
 * the results (`tallyVotes`) are stored on the session. The review is written first, so
 * a failure in between leaves ballots behind in the private doc, never loses a vote.
 * Write the priorities into the journey with `applyVotePriorities`.
 */
export function revealVoteSession(
  review: Y.Doc,
  privateDoc: Y.Doc,
  origin: unknown,
  actor: ReviewActor,
  sessionId: string,
  now: Date,
): VoteResult[] {
  checkActor(actor, 'editor', 'reveal a vote session')
  const { map, session } = requireSession(review, sessionId)
  requireOpen(session)
  const votes = reviewMap(review, 'votes')
  const ballots = privateMap(privateDoc, 'ballots')
  const hidden = session.hidden ? sessionVotes(ballots, session.id) : []
  const published = hidden.filter((ballot) => !votes.has(ballot.id))
  const results = tallyVotes(session, [...sessionVotes(votes, session.id), ...published])
  review.transact(() => {
    for (const ballot of published) votes.set(ballot.id, entityToYMap(ballot))
    patchEntityMap(map, { status: 'revealed', revealedAt: now.toISOString(), results })
  }, origin)
  if (hidden.length > 0) {
    privateDoc.transact(() => {
      for (const ballot of hidden) ballots.delete(ballot.id)
    }, origin)
  }
  return results
}

/**
 * Ends an open session without a result (editors only); a hidden session's ballots are
 * dropped unseen. Records no time: `now` is taken, like every review mutation's, so the
 * server calls them all alike.
 */
export function cancelVoteSession(
  review: Y.Doc,
  privateDoc: Y.Doc,
  origin: unknown,
  actor: ReviewActor,
  sessionId: string,
  _now: Date,
): void {
  checkActor(actor, 'editor', 'cancel a vote session')
  const { map, session } = requireSession(review, sessionId)
  requireOpen(session)
  const ballots = privateMap(privateDoc, 'ballots')
  const hidden = session.hidden ? sessionVotes(ballots, session.id) : []
  review.transact(() => {
    patchEntityMap(map, { status: 'cancelled' })
  }, origin)
  if (hidden.length > 0) {
    privateDoc.transact(() => {
      for (const ballot of hidden) ballots.delete(ballot.id)
    }, origin)
  }
}
