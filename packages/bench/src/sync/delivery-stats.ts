import { LatencyHistogram } from '../stats/latency-histogram.js'

/** What receivers saw during one measurement window, shared by all clients of a run. */
export class DeliveryStats {
  readonly updateLatency = new LatencyHistogram()
  readonly cursorLatency = new LatencyHistogram()
  /** Deliveries owed: each measured update or cursor times the other clients in its room. */
  expectedUpdates = 0
  expectedCursors = 0
  deliveredUpdates = 0
  deliveredCursors = 0
  /** Updates sent in the window. */
  sentUpdates = 0
  sentCursors = 0

  get complete(): boolean {
    return (
      this.deliveredUpdates >= this.expectedUpdates && this.deliveredCursors >= this.expectedCursors
    )
  }
}
