import * as awarenessProtocol from 'y-protocols/awareness'
import type * as Y from 'yjs'
import {
  concatAwarenessUpdates,
  decodeAwarenessUpdate,
  encodeAwareness,
  encodeAwarenessUpdate,
} from '../protocol/index.js'
import { atTurnEnd } from '../turn-end.js'
import { AwarenessGuard } from './awareness-guard.js'
import { soleOrigin } from './coalesce.js'
import type { Peer } from './peer.js'

type Changes = { added: number[]; updated: number[]; removed: number[] }

/** Marks awareness that arrived through the fan-out, so it is not published again. */
const FROM_FAN_OUT = Symbol('fan-out awareness')

/**
 * The stock client treats 30 s without any message as a dead connection, and renews its
 * own state every 15-18 s. A client that alone moves its cursor therefore gets its own
 * change back when it has been sent no presence for this long: at most 23 s of silence.
 */
const ECHO_AFTER_MS = 5_000

/** A change to relay, and whose it is. */
type PendingChange = { update: Uint8Array; origin: unknown }

export type RoomAwarenessOptions = {
  maxStateBytes: number
  /** Who hears every change. */
  peers: () => Iterable<Peer>
  /** Hands a change made by this instance's clients to the other instances. */
  publish: (update: Uint8Array) => void
}

/**
 * A room's presence (cursors, selections, names): the y-protocols awareness the server
 * keeps for its clients, with the guard's rules on who may set which client id. The server
 * itself has no presence.
 *
 * Cursors make most of a busy room's traffic, so the changes of one event-loop turn go out
 * together at its end: one frame that every client shares, one message to the fan-out.
 */
export class RoomAwareness {
  readonly awareness: awarenessProtocol.Awareness
  readonly #guard: AwarenessGuard
  readonly #options: RoomAwarenessOptions
  /** The admitted update being applied, relayed as is rather than encoded again. */
  #applying: Uint8Array | null = null
  #pending: PendingChange[] = []
  #flushScheduled = false
  #destroyed = false
  /** When each client was last sent presence (`Date.now()`), for `ECHO_AFTER_MS`. */
  readonly #lastSent = new Map<Peer, number>()

  constructor(doc: Y.Doc, options: RoomAwarenessOptions) {
    this.#options = options
    this.#guard = new AwarenessGuard(options.maxStateBytes)
    this.awareness = new awarenessProtocol.Awareness(doc)
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.#onUpdate)
  }

  /** Every current state as one frame, for a joining client or a query; null when none. */
  stateFrame(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()]
    if (clients.length === 0) return null
    return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients))
  }

  /** Applies what `peer` may set of an awareness update; throws `ProtocolError` on garbage. */
  apply(peer: Peer, update: Uint8Array): void {
    const entries = decodeAwarenessUpdate(update)
    const admitted = this.#guard.admit(peer, entries)
    if (admitted.length === 0) return
    // Cursors make most of a room's traffic: what was admitted whole goes on byte for byte.
    const relayed = admitted.length === entries.length ? update : encodeAwarenessUpdate(admitted)
    this.#applying = relayed
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, relayed, peer)
    } finally {
      this.#applying = null
    }
  }

  applyFromFanOut(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, FROM_FAN_OUT)
  }

  /** Removes a departing peer's states, for everyone. */
  release(peer: Peer): void {
    this.#lastSent.delete(peer)
    const ids = this.#guard.release(peer)
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, peer)
  }

  destroy(): void {
    this.#destroyed = true
    this.#pending = []
    this.awareness.off('update', this.#onUpdate)
    this.awareness.destroy()
  }

  readonly #onUpdate = ({ added, updated, removed }: Changes, origin: unknown): void => {
    const clients = [...added, ...updated, ...removed]
    if (clients.length === 0) return
    // An entry the awareness found stale is relayed too; every client ignores it the same way.
    const update =
      this.#applying ?? awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)
    this.#pending.push({ update, origin })
    if (this.#flushScheduled) return
    this.#flushScheduled = true
    atTurnEnd(this.#flush)
  }

  readonly #flush = (): void => {
    this.#flushScheduled = false
    const pending = this.#pending
    this.#pending = []
    if (this.#destroyed || pending.length === 0) return
    const update = joined(pending)
    const frame = encodeAwareness(update)
    const onlyFrom = soleOrigin(pending)
    const now = Date.now()
    for (const peer of this.#options.peers()) {
      if (peer === onlyFrom && now - (this.#lastSent.get(peer) ?? 0) < ECHO_AFTER_MS) continue
      peer.send(frame)
      this.#lastSent.set(peer, now)
    }
    const local = pending.filter((change) => change.origin !== FROM_FAN_OUT)
    if (local.length === pending.length) this.#options.publish(update)
    else if (local.length > 0) this.#options.publish(joined(local))
  }
}

function joined(changes: readonly PendingChange[]): Uint8Array {
  return changes.length === 1
    ? (changes[0] as PendingChange).update
    : concatAwarenessUpdates(changes.map((change) => change.update))
}
