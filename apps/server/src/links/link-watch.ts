import type { Logger } from '../log.js'
import type { JourneyReview } from '../review/journey-review.js'
import { CLOSE_CODES } from '../sync/close-codes.js'
import { isLinkActive, observeShareLinks } from './share-link.js'

/** Told to close a connection, and why. */
export type CloseWatched = (code: number, reason: string) => void

/** One journey whose share links some connections of this instance were opened with. */
type Watched = {
  byLink: Map<string, Set<CloseWatched>>
  /** Stops the current watch of the private document; null while it is being loaded. */
  stop: (() => void) | null
}

/**
 * Closes the connections opened with a share link once the link is revoked, on whatever
 * instance that was done: a revocation is a change to the journey's private document,
 * which reaches this instance's room of it through the fan-out like any stored change.
 * So while any connection here was opened with one of a journey's links, that journey's
 * private room is held loaded and its links are observed.
 */
export class LinkWatch {
  readonly #review: JourneyReview
  readonly #logger: Logger
  readonly #journeys = new Map<string, Watched>()

  constructor(review: JourneyReview, logger: Logger) {
    this.#review = review
    this.#logger = logger
  }

  /**
   * Calls `close` with 4403 once link `linkId` of the journey is revoked, now or later (or
   * with 1011 when that cannot be watched). Returns what stops watching.
   */
  watch(journeyId: string, linkId: string, close: CloseWatched): () => void {
    let watched = this.#journeys.get(journeyId)
    if (!watched) {
      watched = { byLink: new Map(), stop: null }
      this.#journeys.set(journeyId, watched)
      void this.#attach(journeyId, watched)
    }
    const closers = watched.byLink.get(linkId) ?? new Set<CloseWatched>()
    watched.byLink.set(linkId, closers)
    closers.add(close)
    const current = watched
    return () => {
      closers.delete(close)
      if (closers.size === 0 && current.byLink.get(linkId) === closers) {
        current.byLink.delete(linkId)
      }
      if (current.byLink.size > 0 || this.#journeys.get(journeyId) !== current) return
      this.#journeys.delete(journeyId)
      current.stop?.()
    }
  }

  /** Journeys watched now, for tests. */
  get size(): number {
    return this.#journeys.size
  }

  async #attach(journeyId: string, watched: Watched): Promise<void> {
    let held: Awaited<ReturnType<JourneyReview['holdPrivate']>>
    try {
      held = await this.#review.holdPrivate(journeyId)
    } catch (error) {
      this.#logger.warn({ journey: journeyId, err: error }, 'cannot watch share links')
      this.#closeAll(watched, CLOSE_CODES.internalError, 'share link could not be checked')
      return
    }
    if (this.#journeys.get(journeyId) !== watched) {
      held?.release()
      return
    }
    if (held === null) {
      this.#closeAll(watched, CLOSE_CODES.linkRevoked, 'link revoked')
      return
    }
    const { room, release } = held
    const check = (ids: Iterable<string>) => {
      for (const id of ids) {
        const closers = watched.byLink.get(id)
        if (!closers || isLinkActive(room.doc, id)) continue
        for (const close of [...closers]) close(CLOSE_CODES.linkRevoked, 'link revoked')
      }
    }
    const unobserve = observeShareLinks(room.doc, check)
    watched.stop = () => {
      unobserve()
      release()
    }
    // Revoked between the connection's token check and now.
    check([...watched.byLink.keys()])
    // Should the room close (storage failing) while connections remain, watch a new one.
    void room.unloaded.then(() => {
      if (this.#journeys.get(journeyId) !== watched) return
      watched.stop = null
      void this.#attach(journeyId, watched)
    })
  }

  #closeAll(watched: Watched, code: number, reason: string): void {
    for (const closers of [...watched.byLink.values()]) {
      for (const close of [...closers]) close(code, reason)
    }
  }
}
