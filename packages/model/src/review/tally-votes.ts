import {
  type Vote,
  type VoteResult,
  type VoteSession,
  voteItemKey,
} from '../entities/vote-session.js'
import { byId } from '../sort-by-id.js'

/** Oldest first: by time (offsets taken into account), then by id. */
export function voteOrder(a: Vote, b: Vote): number {
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || byId(a, b)
}

/**
 * The ranked outcome of a session: every item of the session, most votes first (ties in
 * the session's item order), ranks shared by ties (1, 1, 3), 0-vote items last.
 *
 * Counts only what the rules allow, so that every instance and every re-count agree even
 * when two instances accepted votes of one person at once: going through the votes oldest
 * first, a person's votes beyond `votesPerPerson`, a second vote of theirs on one item
 * when the session allows only one, votes of other sessions and votes on items the session
 * does not list are ignored.
 */
export function tallyVotes(session: VoteSession, votes: readonly Vote[]): VoteResult[] {
  const indexOf = new Map(session.items.map((item, index) => [voteItemKey(item), index]))
  const counts = session.items.map(() => 0)
  const counted = new Map<string, Set<string>>()
  const spent = new Map<string, number>()
  for (const vote of votes.filter((v) => v.sessionId === session.id).sort(voteOrder)) {
    const key = voteItemKey(vote.item)
    const index = indexOf.get(key)
    if (index === undefined) continue
    const voter = vote.voter.id
    const count = spent.get(voter) ?? 0
    const keys = counted.get(voter) ?? new Set<string>()
    if (count >= session.votesPerPerson) continue
    if (!session.allowMultiplePerItem && keys.has(key)) continue
    spent.set(voter, count + 1)
    counted.set(voter, keys.add(key))
    counts[index] = (counts[index] ?? 0) + 1
  }
  const ranked = session.items
    .map((item, index) => ({ item, votes: counts[index] ?? 0, index }))
    .sort((a, b) => b.votes - a.votes || a.index - b.index)
  let rank = 0
  return ranked.map(({ item, votes: count }, position) => {
    if (position === 0 || (ranked[position - 1]?.votes ?? 0) !== count) rank = position + 1
    return { item: { ...item }, votes: count, rank }
  })
}
