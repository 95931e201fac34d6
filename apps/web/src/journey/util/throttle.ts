export interface Throttled<A extends unknown[]> {
  (...args: A): void
  /** Runs the pending call now (if any), e.g. at drag end so the last position is never lost. */
  flush(): void
  cancel(): void
}

/**
 * Calls `fn` at most once per `intervalMs`, always delivering the latest arguments: the first
 * call runs at once, later ones within the interval collapse into one trailing call.
 */
export function throttle<A extends unknown[]>(
  fn: (...args: A) => void,
  intervalMs: number,
  now: () => number = () => Date.now(),
): Throttled<A> {
  let last = Number.NEGATIVE_INFINITY
  let pending: A | null = null
  let timer: ReturnType<typeof setTimeout> | null = null

  const run = () => {
    if (timer !== null) clearTimeout(timer)
    timer = null
    if (pending === null) return
    const args = pending
    pending = null
    last = now()
    fn(...args)
  }

  const throttled = ((...args: A) => {
    pending = args
    const wait = last + intervalMs - now()
    if (wait <= 0) run()
    else if (timer === null) timer = setTimeout(run, wait)
  }) as Throttled<A>
  throttled.flush = run
  throttled.cancel = () => {
    if (timer !== null) clearTimeout(timer)
    timer = null
    pending = null
  }
  return throttled
}
