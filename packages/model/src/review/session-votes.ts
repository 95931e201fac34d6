import * as Y from 'yjs'
import type { Vote } from '../entities/vote-session.js'
import { readVote } from './read-review.js'

/**
 * The valid votes of one session in a vote map (the review's `votes` or the private
 * `ballots`), optionally only one participant's. Every entry is looked at, but only a
 * session's own are read in full: the cost follows the number of votes, never the
 * journey's size.
 */
export function sessionVotes(
  map: Y.Map<Y.Map<unknown>>,
  sessionId: string,
  participantId?: string,
): Vote[] {
  const out: Vote[] = []
  map.forEach((entry, id) => {
    if (!(entry instanceof Y.Map) || entry.get('sessionId') !== sessionId) return
    const vote = readVote(entry, id)
    if (vote && (participantId === undefined || vote.voter.id === participantId)) out.push(vote)
  })
  return out
}
