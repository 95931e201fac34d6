import type * as Y from 'yjs'
import { field, text } from './stored-field.js'

/** `public`: votes are shown as they come; `hidden` (the app's default): only who voted. */
export type Ballots = 'public' | 'hidden'

/**
 * Calls `seen(voterId, subject)` for every vote `doc` (a review document) newly shows:
 * subject is the voted touchpoint for public votes, the session for hidden ones.
 */
export function watchVotes(
  doc: Y.Doc,
  ballots: Ballots,
  seen: (voterId: string, subject: string) => void,
): void {
  if (ballots === 'public') {
    const votes = doc.getMap<unknown>('votes')
    votes.observe((event) => {
      for (const [id, change] of event.changes.keys) {
        if (change.action !== 'add') continue
        const vote = votes.get(id)
        const voter = text(field(field(vote, 'voter'), 'id'))
        const touchpoint = text(field(field(vote, 'item'), 'touchpointId'))
        if (voter !== null && touchpoint !== null) seen(voter, touchpoint)
      }
    })
    return
  }
  // The server makes a session's voters map when it starts the session, so a vote adds a key.
  doc.getMap<unknown>('voters').observeDeep((events) => {
    for (const event of events) {
      const [sessionId] = event.path
      if (typeof sessionId !== 'string') continue
      for (const [voter, change] of event.changes.keys) {
        if (change.action === 'add') seen(voter, sessionId)
      }
    }
  })
}
