/**
 * Per-connection rate limit: `burst` messages at once, refilled at `perSecond`. A client
 * catching up after a reconnect sends a short burst; only a sustained flood runs dry.
 */
export class TokenBucket {
  #tokens: number
  #last: number

  constructor(
    readonly perSecond: number,
    readonly burst: number,
    readonly now: () => number = () => performance.now(),
  ) {
    this.#tokens = burst
    this.#last = now()
  }

  take(): boolean {
    const now = this.now()
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#last) / 1000) * this.perSecond)
    this.#last = now
    if (this.#tokens < 1) return false
    this.#tokens -= 1
    return true
  }
}
