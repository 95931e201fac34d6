import type { Peer } from './peer.js'

/** A document update waiting to be stored, and the connection it came from (if any). */
export type PendingUpdate = { update: Uint8Array; origin: Peer | null }

/**
 * Write-ahead batching for one room: updates queued during an event-loop turn are stored
 * together in one append (one transaction, one fsync) at the end of the turn, and
 * `commit` hands each stored batch on for broadcasting. Batches are written one at a time
 * and in order, so the log's order is the order updates were applied in memory.
 */
export class GroupCommit {
  readonly #write: (batch: PendingUpdate[]) => Promise<void>
  #pending: PendingUpdate[] = []
  #scheduled = false
  #writing: Promise<void> | null = null
  #waiters: (() => void)[] = []

  /** `write` stores a batch and then publishes it; it must not reject. */
  constructor(write: (batch: PendingUpdate[]) => Promise<void>) {
    this.#write = write
  }

  /** True when nothing is queued or being written. */
  get idle(): boolean {
    return this.#pending.length === 0 && this.#writing === null
  }

  push(entry: PendingUpdate): void {
    this.#pending.push(entry)
    if (this.#scheduled) return
    this.#scheduled = true
    setImmediate(() => {
      this.#scheduled = false
      if (this.#writing === null) this.#start()
    })
  }

  /** Runs `callback` once everything queued so far (and since) is stored. */
  afterPersisted(callback: () => void): void {
    if (this.idle) callback()
    else this.#waiters.push(callback)
  }

  /** Resolves once the queue is empty and no write is in flight. */
  async settled(): Promise<void> {
    while (!this.idle) {
      if (this.#writing === null) this.#start()
      await this.#writing
    }
  }

  /** Forgets queued updates (the journey is gone) and releases every waiter. */
  discard(): void {
    this.#pending = []
    for (const waiter of this.#waiters.splice(0)) waiter()
  }

  #start(): void {
    if (this.#pending.length === 0) {
      this.#release()
      return
    }
    const batch = this.#pending
    this.#pending = []
    this.#writing = this.#write(batch).finally(() => {
      this.#writing = null
      if (this.#pending.length > 0) this.#start()
      else this.#release()
    })
  }

  #release(): void {
    if (!this.idle) return
    for (const waiter of this.#waiters.splice(0)) waiter()
  }
}
