import { type Vote, type VoteItemRef, type VoteSession, voteItemKey } from '@touchline/model'
import { type ReviewStoreState, selectOpenSession } from '../review-store'
import { type CardHeat, heatByTouchpoint } from './heat'

/*
 * Per-card reads of the vote state. Every card asks on every change of the review, so each
 * answer is a lookup in an index built once per version of the list it comes from (cached by
 * the list's identity), and a number or a kept object, so a card re-renders only when its own
 * answer changed.
 */

/** How a card takes part in a session: voted on itself, through its items, or not at all. */
export type CardBallot = 'touchpoint' | 'items' | null

interface SessionIndex {
  keys: ReadonlySet<string>
  cards: ReadonlyMap<string, Exclude<CardBallot, null>>
}

const sessionIndexes = new WeakMap<readonly VoteItemRef[], SessionIndex>()

export function sessionIndex(session: VoteSession): SessionIndex {
  const cached = sessionIndexes.get(session.items)
  if (cached) return cached
  const keys = new Set<string>()
  const cards = new Map<string, Exclude<CardBallot, null>>()
  for (const item of session.items) {
    keys.add(voteItemKey(item))
    cards.set(item.touchpointId, item.itemId === null ? 'touchpoint' : 'items')
  }
  const index = { keys, cards }
  sessionIndexes.set(session.items, index)
  return index
}

interface VoteCounts {
  byItem: ReadonlyMap<string, number>
  byCard: ReadonlyMap<string, number>
}

const voteCounts = new WeakMap<readonly Vote[], VoteCounts>()

/** Votes per item key and per card (a card's own and its items' together). */
export function countVotes(votes: readonly Vote[]): VoteCounts {
  const cached = voteCounts.get(votes)
  if (cached) return cached
  const byItem = new Map<string, number>()
  const byCard = new Map<string, number>()
  for (const vote of votes) {
    const key = voteItemKey(vote.item)
    byItem.set(key, (byItem.get(key) ?? 0) + 1)
    byCard.set(vote.item.touchpointId, (byCard.get(vote.item.touchpointId) ?? 0) + 1)
  }
  const counts = { byItem, byCard }
  voteCounts.set(votes, counts)
  return counts
}

const NO_VOTES: readonly Vote[] = []
const sessionVotes = new WeakMap<readonly Vote[], Map<string, Vote[]>>()

/** The public votes of one session (all of them for an open, not hidden one). */
export function publicVotes(state: ReviewStoreState, sessionId: string): readonly Vote[] {
  let bySession = sessionVotes.get(state.votes)
  if (!bySession) {
    bySession = new Map()
    for (const vote of state.votes) {
      const list = bySession.get(vote.sessionId) ?? []
      list.push(vote)
      bySession.set(vote.sessionId, list)
    }
    sessionVotes.set(state.votes, bySession)
  }
  return bySession.get(sessionId) ?? NO_VOTES
}

export const selectCardBallot =
  (touchpointId: string) =>
  (state: ReviewStoreState): CardBallot => {
    const session = selectOpenSession(state)
    return session ? (sessionIndex(session).cards.get(touchpointId) ?? null) : null
  }

/** This person's dots on an item (a card itself, or one of its pain points or opportunities). */
export const selectMyDots =
  (key: string) =>
  (state: ReviewStoreState): number => {
    const session = selectOpenSession(state)
    const mine = session ? state.myVotes[session.id] : undefined
    return mine ? (countVotes(mine.votes).byItem.get(key) ?? 0) : 0
  }

/** This person's dots on a card's items, added up. */
export const selectMyCardDots =
  (touchpointId: string) =>
  (state: ReviewStoreState): number => {
    const session = selectOpenSession(state)
    const mine = session ? state.myVotes[session.id] : undefined
    return mine ? (countVotes(mine.votes).byCard.get(touchpointId) ?? 0) : 0
  }

/** Everyone's dots on an item, while a session that is not hidden is open; null otherwise. */
export const selectOpenTally =
  (key: string) =>
  (state: ReviewStoreState): number | null => {
    const session = selectOpenSession(state)
    if (!session || session.hidden) return null
    return countVotes(publicVotes(state, session.id)).byItem.get(key) ?? 0
  }

/** Votes left to place, or null until the server has said. */
export const selectRemaining = (state: ReviewStoreState): number | null => {
  const session = selectOpenSession(state)
  return session ? (state.myVotes[session.id]?.remaining ?? null) : null
}

const heats = new WeakMap<object, ReadonlyMap<string, CardHeat>>()

/** A card's heat in a revealed session, or null. */
export function cardHeat(
  state: ReviewStoreState,
  sessionId: string | null,
  touchpointId: string,
): CardHeat | null {
  if (sessionId === null) return null
  const session = state.sessions.find((candidate) => candidate.id === sessionId)
  if (!session?.results) return null
  let heat = heats.get(session.results)
  if (!heat) {
    heat = heatByTouchpoint(session.results)
    heats.set(session.results, heat)
  }
  return heat.get(touchpointId) ?? null
}

/** This person's vote on an item to take back: the newest, as an undo would. */
export function myLatestVote(state: ReviewStoreState, key: string): Vote | null {
  const session = selectOpenSession(state)
  const mine = session ? state.myVotes[session.id] : undefined
  const votes = mine?.votes.filter((vote) => voteItemKey(vote.item) === key) ?? []
  return votes.reduce<Vote | null>(
    (latest, vote) => (latest === null || vote.createdAt >= latest.createdAt ? vote : latest),
    null,
  )
}
