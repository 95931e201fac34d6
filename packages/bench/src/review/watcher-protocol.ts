import type { Ballots } from './watch-votes.js'

/** What a vote-watcher thread is given: where to connect, and per client whom it votes as. */
export interface WatcherSetup {
  syncUrl: string
  room: string
  ballots: Ballots
  /** One entry per client: the participant ids that client's voter votes as. */
  watchers: string[][]
}

/** What a vote-watcher thread reports; `at` is `performance.timeOrigin + performance.now()`. */
export type WatcherReport =
  | { type: 'ready' }
  | { type: 'failed'; error: string }
  | { type: 'seen'; voterId: string; subject: string; at: number }
  | { type: 'stopped'; loopDelayP99Ms: number }
