/**
 * Runs `onIdle` once a room has stayed empty for `delayMs`; restarting or stopping it
 * forgets the earlier countdown. It never keeps the process alive on its own.
 */
export class IdleTimer {
  readonly #delayMs: number
  readonly #onIdle: () => void
  #timer: NodeJS.Timeout | null = null

  constructor(delayMs: number, onIdle: () => void) {
    this.#delayMs = delayMs
    this.#onIdle = onIdle
  }

  start(): void {
    this.stop()
    this.#timer = setTimeout(() => {
      this.#timer = null
      this.#onIdle()
    }, this.#delayMs)
    this.#timer.unref()
  }

  stop(): void {
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = null
  }
}
