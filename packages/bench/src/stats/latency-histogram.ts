// An HDR-style histogram of latencies in microseconds: exact below 128 µs, then 64 linear
// sub-buckets per power of two (relative error < 1.6%), O(1) to record, fixed memory, so the
// load generator can record millions of samples without sorting or allocating.
const LINEAR_LIMIT = 128
const SUB_BUCKETS = 64
const MAX_EXPONENT = 31
const BUCKETS = LINEAR_LIMIT + (MAX_EXPONENT - 6) * SUB_BUCKETS

function indexOf(value: number): number {
  if (value < LINEAR_LIMIT) return value
  const exponent = 31 - Math.clz32(value)
  const shift = exponent - 6
  return LINEAR_LIMIT + (exponent - 7) * SUB_BUCKETS + ((value >>> shift) - SUB_BUCKETS)
}

/** The highest value that lands in a bucket: percentiles err on the slow side. */
function highestValueOf(index: number): number {
  if (index < LINEAR_LIMIT) return index
  const offset = index - LINEAR_LIMIT
  const exponent = Math.floor(offset / SUB_BUCKETS) + 7
  const sub = (offset % SUB_BUCKETS) + SUB_BUCKETS
  const shift = exponent - 6
  return (sub + 1) * 2 ** shift - 1
}

export interface LatencySummary {
  count: number
  /** Milliseconds. */
  mean: number
  p50: number
  p99: number
  p999: number
  max: number
}

export class LatencyHistogram {
  private readonly counts = new Float64Array(BUCKETS)
  private total = 0
  private sum = 0
  private maximum = 0

  recordMs(ms: number): void {
    const micros = Math.min(Math.max(0, Math.round(ms * 1000)), 2 ** MAX_EXPONENT - 1)
    const index = indexOf(micros)
    this.counts[index] = (this.counts[index] ?? 0) + 1
    this.total += 1
    this.sum += micros
    if (micros > this.maximum) this.maximum = micros
  }

  get count(): number {
    return this.total
  }

  add(other: LatencyHistogram): void {
    for (let i = 0; i < BUCKETS; i++)
      this.counts[i] = (this.counts[i] ?? 0) + (other.counts[i] ?? 0)
    this.total += other.total
    this.sum += other.sum
    this.maximum = Math.max(this.maximum, other.maximum)
  }

  /** The latency in milliseconds that `percent` of samples do not exceed. */
  percentileMs(percent: number): number {
    if (this.total === 0) return Number.NaN
    const target = Math.max(1, Math.ceil((percent / 100) * this.total))
    let seen = 0
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i] ?? 0
      if (seen >= target) return Math.min(highestValueOf(i), this.maximum) / 1000
    }
    return this.maximum / 1000
  }

  summary(): LatencySummary {
    return {
      count: this.total,
      mean: this.total === 0 ? Number.NaN : this.sum / this.total / 1000,
      p50: this.percentileMs(50),
      p99: this.percentileMs(99),
      p999: this.percentileMs(99.9),
      max: this.total === 0 ? Number.NaN : this.maximum / 1000,
    }
  }
}
