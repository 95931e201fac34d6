// Fixed-rate sending that never waits for replies (no coordinated omission): every stream
// fires at start + phase + k * period, and is handed that intended time, which is what its
// latency is measured from. When the harness falls behind, overdue sends go out at once and
// the delay counts against the measured latency instead of silently lowering the rate.
export interface Stream {
  periodMs: number
  fire(intendedAt: number): void
}

/** Runs the streams for `durationMs`, each with a random phase so they do not fire together. */
export function runOpenLoop(streams: readonly Stream[], durationMs: number): Promise<void> {
  const start = performance.now()
  const end = start + durationMs
  const next = streams.map((stream) => start + Math.random() * stream.periodMs)
  return new Promise((resolve) => {
    const tick = () => {
      const now = performance.now()
      for (let i = 0; i < streams.length; i++) {
        const stream = streams[i]
        let due = next[i] ?? end
        if (!stream) continue
        while (due <= now && due < end) {
          stream.fire(due)
          due += stream.periodMs
        }
        next[i] = due
      }
      if (now >= end) {
        clearInterval(timer)
        resolve()
      }
    }
    // 1 ms is Node's finest timer; the up-to-1 ms wait is charged to every server alike.
    const timer = setInterval(tick, 1)
  })
}
