import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { childrenDist } from '../paths.js'
import { withTimeout } from '../sync/with-timeout.js'
import type { Ballots } from './watch-votes.js'
import type { WatcherReport, WatcherSetup } from './watcher-protocol.js'

const READY_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 10_000

/**
 * The voters' review documents, spread over worker threads (children/vote-watchers.ts).
 * `seen` gets each vote a voter's document newly shows that another voter cast, with the
 * absolute time (`performance.timeOrigin + performance.now()`) it was seen.
 */
export class VoteWatcherPool {
  readonly #workers: Worker[]
  readonly #stopped: Promise<number>[]

  private constructor(workers: Worker[], stopped: Promise<number>[]) {
    this.#workers = workers
    this.#stopped = stopped
  }

  static async start(options: {
    syncUrl: string
    room: string
    ballots: Ballots
    /** One entry per voter's client: the participant ids it votes as. */
    voters: string[][]
    threads: number
    seen: (voterId: string, subject: string, at: number) => void
  }): Promise<VoteWatcherPool> {
    const threads = Math.max(1, Math.min(options.threads, options.voters.length))
    const workers: Worker[] = []
    const ready: Promise<void>[] = []
    const stopped: Promise<number>[] = []
    for (let thread = 0; thread < threads; thread++) {
      const setup: WatcherSetup = {
        syncUrl: options.syncUrl,
        room: options.room,
        ballots: options.ballots,
        watchers: options.voters.filter((_, n) => n % threads === thread),
      }
      const worker = new Worker(join(childrenDist, 'vote-watchers.js'), { workerData: setup })
      workers.push(worker)
      let onReady: () => void = () => undefined
      let onFailed: (error: Error) => void = () => undefined
      ready.push(
        new Promise<void>((resolve, reject) => {
          onReady = resolve
          onFailed = reject
        }),
      )
      stopped.push(
        new Promise<number>((resolve) => {
          worker.on('message', (report: WatcherReport) => {
            if (report.type === 'seen') options.seen(report.voterId, report.subject, report.at)
            else if (report.type === 'ready') onReady()
            else if (report.type === 'failed') onFailed(new Error(report.error))
            else resolve(report.loopDelayP99Ms)
          })
          worker.on('error', (error) => {
            onFailed(error)
            resolve(Number.NaN)
          })
        }),
      )
    }
    const pool = new VoteWatcherPool(workers, stopped)
    try {
      await withTimeout(
        Promise.all(ready),
        READY_TIMEOUT_MS,
        `the voters' documents did not sync within ${READY_TIMEOUT_MS / 1000} s`,
      )
    } catch (error) {
      await pool.stop()
      throw error
    }
    return pool
  }

  /** Starts the threads' event-loop delay measurement. */
  measure(): void {
    for (const worker of this.#workers) worker.postMessage('measure')
  }

  /** Closes every client; the worst event-loop delay p99 of the threads since `measure`. */
  async stop(): Promise<number> {
    for (const worker of this.#workers) worker.postMessage('stop')
    const delays = await withTimeout(
      Promise.all(this.#stopped),
      STOP_TIMEOUT_MS,
      'the vote watcher threads did not stop',
    ).catch(() => [Number.NaN])
    await Promise.all(this.#workers.map((worker) => worker.terminate()))
    return Math.max(...delays)
  }
}
