// A receiver's view of the document's state vector, built from the IDs of the updates it
// received rather than by applying them: contiguous ranges per client, so a lost or
// reordered update shows up as a gap that never closes.
export class StateVectorTracker {
  private readonly clocks = new Map<number, number>()
  private readonly gaps = new Map<number, Map<number, number>>()

  advance(client: number, clock: number, end: number): void {
    const current = this.clocks.get(client) ?? 0
    if (clock > current) {
      let waiting = this.gaps.get(client)
      if (!waiting) {
        waiting = new Map()
        this.gaps.set(client, waiting)
      }
      waiting.set(clock, Math.max(end, waiting.get(clock) ?? 0))
      return
    }
    if (end <= current) return
    let reached = end
    const waiting = this.gaps.get(client)
    if (waiting) {
      let progressed = true
      while (progressed) {
        progressed = false
        for (const [start, stop] of waiting) {
          if (start <= reached) {
            waiting.delete(start)
            if (stop > reached) reached = stop
            progressed = true
          }
        }
      }
    }
    this.clocks.set(client, reached)
  }

  /** Merges a whole state vector (from a sync step 2, or a sender's own document). */
  merge(stateVector: Map<number, number>): void {
    for (const [client, clock] of stateVector) this.advance(client, 0, clock)
  }

  get(client: number): number {
    return this.clocks.get(client) ?? 0
  }

  snapshot(): Map<number, number> {
    return new Map(this.clocks)
  }

  /** Updates received past a gap that is still open. */
  get stranded(): number {
    let count = 0
    for (const waiting of this.gaps.values()) count += waiting.size
    return count
  }
}
