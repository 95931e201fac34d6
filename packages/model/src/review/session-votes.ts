import * as Y from 'yjs'
import type { Vote } from '../entities/vote-session.js'
import { readVote } from './read-review.js'

/** The voter id as stored, without validating the entry (a plain object or a Y.Map). */
function storedVoterId(entry: Y.Map<unknown>): unknown {
  const voter: unknown = entry.get('voter')
  if (voter instanceof Y.Map) return voter.get('id')
  return typeof voter === 'object' && voter !== null ? (voter as { id?: unknown }).id : undefined
}

/**
 * The valid votes of one session in a vote map (the review's `votes` or the private
 * `ballots`), optionally only one participant's. Every entry is looked at, but only the
 * ones asked for are validated in full: a vote, which needs just its voter's own votes,
 * costs two field reads per stored vote, never a copy of each.
 */
export function sessionVotes(
  map: Y.Map<Y.Map<unknown>>,
  sessionId: string,
  participantId?: string,
): Vote[] {
  const out: Vote[] = []
  map.forEach((entry, id) => {
    if (!(entry instanceof Y.Map) || entry.get('sessionId') !== sessionId) return
    if (participantId !== undefined && storedVoterId(entry) !== participantId) return
    const vote = readVote(entry, id)
    if (vote && (participantId === undefined || vote.voter.id === participantId)) out.push(vote)
  })
  return out
}
