import type { Logger } from '../log.js'
import type { JourneyStore, PreparedSnapshot } from '../storage/journey-store.js'

/**
 * One journey's compactions: at most one at a time, started on the next turn so the write
 * that triggered it is answered first. A failure is logged and leaves the log as it was
 * (the store compacts in one transaction); the next write over the bound tries again.
 */
export class BackgroundCompaction {
  readonly #store: JourneyStore
  readonly #journeyId: string
  readonly #logger: Logger
  #running: Promise<void> | null = null

  constructor(store: JourneyStore, journeyId: string, logger: Logger) {
    this.#store = store
    this.#journeyId = journeyId
    this.#logger = logger
  }

  /** The compaction in progress, if any; it never rejects. */
  get running(): Promise<void> | null {
    return this.#running
  }

  /**
   * `prepare` offers the snapshot to write, made on that next turn so that whatever is
   * answered first does not wait for it; without one the store builds it from the log.
   */
  schedule(prepare?: () => PreparedSnapshot | undefined): void {
    if (this.#running !== null) return
    const journey = this.#journeyId
    this.#running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.#store.compact(journey, prepare?.()))
      .then(
        () => this.#logger.debug({ journey }, 'journey compacted'),
        (error: unknown) => this.#logger.error({ journey, err: error }, 'compaction failed'),
      )
      .finally(() => {
        this.#running = null
      })
  }
}
