import { atTurnEnd } from '../turn-end.js'
import type { Peer } from './peer.js'

/** A document update waiting to be stored, and the connection it came from (if any). */
export type PendingUpdate = { update: Uint8Array; origin: Peer | null }

/**
 * Stores a batch and resolves to what publishes it (sends it on), or to null when it
 * could not be stored. It must not reject, and the publishing must not throw.
 */
export type WriteBatch = (batch: PendingUpdate[]) => Promise<(() => void) | null>

/** Something to send once the state it was taken from is durable. */
type Reader = { take: () => Uint8Array; deliver: (taken: Uint8Array) => void }

/**
 * Write-ahead batching for one room: the updates of an event-loop turn are stored together
 * in one append at the end of the turn (the store commits it with other rooms' appends,
 * see `JourneyStore.append`), and each batch is published once stored.
 *
 * A batch is written as soon as its turn ends, even while earlier ones are still being
 * stored: waiting for them would add a whole commit to its latency whenever a room's
 * updates come faster than the disk answers. Batches are published strictly in the order
 * they were written, whatever order the store answers in, so nobody receives a change
 * before the changes that were stored ahead of it. Once a batch could not be stored,
 * nothing written after it is published or read: those batches were made on top of it.
 */
export class GroupCommit {
  readonly #write: WriteBatch
  #pending: PendingUpdate[] = []
  #scheduled = false
  /** Batches written and not yet published. */
  #inFlight = 0
  /** Settles once every batch written so far is published; never rejects. */
  #published: Promise<void> = Promise.resolve()
  /** Readers waiting for the pending batch to be written. */
  #waiting: Reader[] = []
  /** A batch could not be stored. */
  #failed = false

  constructor(write: WriteBatch) {
    this.#write = write
  }

  /** True when nothing is queued or being written. */
  get idle(): boolean {
    return this.#pending.length === 0 && this.#inFlight === 0
  }

  push(entry: PendingUpdate): void {
    this.#pending.push(entry)
    if (this.#scheduled) return
    this.#scheduled = true
    atTurnEnd(() => {
      this.#scheduled = false
      this.#start()
    })
  }

  /**
   * Reads the document (`take`) at a moment when everything it holds is stored or being
   * written, and hands the result to `deliver` once those writes are published. So what a
   * reader receives never includes an unstored change, and it waits only for the writes
   * under way and the batch pending this turn, however busy the room is: waiting for the
   * room to be idle could wait forever while clients keep typing.
   */
  readDurable(take: () => Uint8Array, deliver: (taken: Uint8Array) => void): void {
    if (this.#failed) return
    if (this.#pending.length > 0) {
      this.#waiting.push({ take, deliver })
      return
    }
    const taken = take()
    if (this.#inFlight === 0) deliver(taken)
    else
      this.#published = this.#published.then(() => {
        if (!this.#failed) deliver(taken)
      })
  }

  /** Resolves once the queue is empty and every batch written is published. */
  async settled(): Promise<void> {
    while (!this.idle) {
      if (this.#pending.length > 0) this.#start()
      await this.#published
    }
  }

  /** Forgets queued updates and waiting readers: the journey is gone. */
  discard(): void {
    this.#pending = []
    this.#waiting = []
  }

  #start(): void {
    if (this.#pending.length === 0) return
    const batch = this.#pending
    this.#pending = []
    // The document now holds exactly what is stored, being written, or in this batch.
    const taken = this.#waiting.splice(0).map((reader) => ({ reader, value: reader.take() }))
    this.#inFlight++
    const stored = this.#write(batch)
    this.#published = Promise.all([stored, this.#published]).then(([publish]) => {
      this.#inFlight--
      // Unstored, the batch's changes must reach nobody, not even inside a reader's state.
      if (publish === null) this.#failed = true
      if (publish === null || this.#failed) return
      publish()
      for (const { reader, value } of taken) reader.deliver(value)
    })
  }
}
