// Every update and cursor a simulated client sends is stamped here with its intended send
// time, under the ID it carries on the wire: an update's Yjs ID (client, clock) or an
// awareness entry's (clientID, clock). A receiver reads that ID from the message header and
// looks the stamp up: exact (one process, one clock) and cheap enough that 200 receivers do
// not saturate the harness decoding update contents.
export interface SentUpdate {
  /** performance.now() at which the open-loop schedule meant to send it. */
  sentAt: number
  /** The sender's clock after the update: receivers advance their state vector to it. */
  end: number
  /** Structs in the update, to recognise it unmerged on the fast path. */
  structs: number
  /** Sent inside a measurement window (warm-up traffic is not counted). */
  measured: boolean
}

const CLOCK_LIMIT = 2 ** 21

// A client ID is a uint32 and clocks stay below 2^21 here, so the key is an exact integer.
function key(client: number, clock: number): number {
  if (clock >= CLOCK_LIMIT) throw new Error(`clock ${clock} exceeds the ledger's range`)
  return client * CLOCK_LIMIT + clock
}

export class SendLedger {
  private readonly updates = new Map<number, SentUpdate>()
  private readonly cursors = new Map<number, number>()

  recordUpdate(client: number, clock: number, update: SentUpdate): void {
    this.updates.set(key(client, clock), update)
  }

  update(client: number, clock: number): SentUpdate | undefined {
    return this.updates.get(key(client, clock))
  }

  recordCursor(client: number, clock: number, sentAt: number): void {
    this.cursors.set(key(client, clock), sentAt)
  }

  cursor(client: number, clock: number): number | undefined {
    return this.cursors.get(key(client, clock))
  }

  clear(): void {
    this.updates.clear()
    this.cursors.clear()
  }
}
