import type { Peer } from './peer.js'

/** A document update waiting to be stored, and the connection it came from (if any). */
export type PendingUpdate = { update: Uint8Array; origin: Peer | null }

/** Something to send once the state it was taken from is durable. */
type Reader = { take: () => Uint8Array; deliver: (taken: Uint8Array) => void }

/**
 * Write-ahead batching for one room: updates queued during an event-loop turn are stored
 * together in one append at the end of the turn by `write` (the store commits it with
 * other rooms' appends, see `JourneyStore.append`), which broadcasts each batch once stored. Batches are written one at a time
 * and in order, so the log's order is the order updates were applied in memory.
 */
export class GroupCommit {
  readonly #write: (batch: PendingUpdate[]) => Promise<void>
  #pending: PendingUpdate[] = []
  #scheduled = false
  #writing: Promise<void> | null = null
  /** Readers waiting for the next batch to start. */
  #waiting: Reader[] = []

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

  /**
   * Reads the document (`take`) at a moment when everything it holds is stored or in the
   * batch being started, and hands the result to `deliver` once that batch is durable. So
   * what a reader receives never includes an unstored change, and it waits for at most
   * two batches however busy the room is: waiting for the room to be idle could wait
   * forever while clients keep typing.
   */
  readDurable(take: () => Uint8Array, deliver: (taken: Uint8Array) => void): void {
    if (this.idle) deliver(take())
    else this.#waiting.push({ take, deliver })
  }

  /** Resolves once the queue is empty and no write is in flight. */
  async settled(): Promise<void> {
    while (!this.idle) {
      if (this.#writing === null) this.#start()
      await this.#writing
    }
  }

  /** Forgets queued updates and waiting readers: the journey is gone. */
  discard(): void {
    this.#pending = []
    this.#waiting = []
  }

  #start(): void {
    const readers = this.#waiting.splice(0)
    if (this.#pending.length === 0) {
      for (const reader of readers) reader.deliver(reader.take())
      return
    }
    const batch = this.#pending
    this.#pending = []
    // The document now holds exactly what is stored plus this batch.
    const taken = readers.map((reader) => ({ reader, value: reader.take() }))
    this.#writing = this.#write(batch).finally(() => {
      this.#writing = null
      for (const { reader, value } of taken) reader.deliver(value)
      this.#start()
    })
  }
}
