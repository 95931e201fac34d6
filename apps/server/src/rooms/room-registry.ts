import { randomUUID } from 'node:crypto'
import * as Y from 'yjs'
import type { Logger } from '../log.js'
import { derivedDocIds, isDerivedDocId } from '../storage/derived-doc-id.js'
import type { JourneyStore } from '../storage/journey-store.js'
import { CLOSE_CODES } from '../sync/close-codes.js'
import type { FanOut } from './fan-out.js'
import type { JourneyDocs } from './journey-docs.js'
import { loadJourney, type MigrateDoc, UnsupportedJourneyError } from './load-journey.js'
import type { Peer } from './peer.js'
import { Room } from './room.js'

export type RoomRegistryOptions = {
  store: JourneyStore
  fanOut: FanOut
  logger: Logger
  migrate: MigrateDoc
  idleMs: number
  compactionThreshold: number
  maxAwarenessBytes: number
  /** Distinguishes this process on the fan-out; random by default. */
  instanceId?: string
}

/** Derived documents have no journey layout to upgrade. */
const keepLayout: MigrateDoc = () => ({ ok: true })

/**
 * Every journey loaded in this process, at most one room per journey: the room is in the
 * map from the moment the first client asks for it, so fifty simultaneous joins share one
 * load, and it leaves the map only once its last write is stored. A journey's derived
 * documents (`x.review`, `x.private`) are rooms of their own, keyed by their stored id.
 */
export class RoomRegistry implements JourneyDocs {
  readonly #rooms = new Map<string, Room>()
  readonly #options: RoomRegistryOptions
  readonly #instanceId: string
  #closing = false

  constructor(options: RoomRegistryOptions) {
    this.#options = options
    this.#instanceId = options.instanceId ?? randomUUID()
  }

  /** Loaded rooms, for tests and health reporting. */
  get size(): number {
    return this.#rooms.size
  }

  room(journeyId: string): Room | undefined {
    return this.#rooms.get(journeyId)
  }

  /** Adds a connection to the document's room, loading it if needed. */
  join(docId: string, peer: Peer): Room {
    if (this.#closing) {
      peer.close(CLOSE_CODES.goingAway, 'server shutting down')
      throw new Error('registry is closing')
    }
    const room = this.#roomFor(docId)
    room.join(peer)
    return room
  }

  /**
   * Keeps the document's room loaded (loading it if needed) for the server's own use, until
   * `release` is called. Throws while the server is shutting down.
   */
  hold(docId: string): { room: Room; release: () => void } {
    if (this.#closing) throw new Error('registry is closing')
    const room = this.#roomFor(docId)
    return { room, release: room.hold() }
  }

  #roomFor(docId: string): Room {
    const loaded = this.#rooms.get(docId)
    if (loaded?.open) return loaded
    const derived = isDerivedDocId(docId)
    const room = new Room(docId, {
      ...this.#options,
      migrate: derived ? keepLayout : this.#options.migrate,
      presence: !derived,
      instanceId: this.#instanceId,
      onUnloaded: (unloaded) => {
        if (this.#rooms.get(docId) === unloaded) this.#rooms.delete(docId)
      },
    })
    this.#rooms.set(docId, room)
    return room
  }

  async readDoc(journeyId: string): Promise<Y.Doc | null> {
    const room = this.#rooms.get(journeyId)
    if (room) {
      await room.loaded
      if (room.open) return room.copyDoc()
    }
    const doc = new Y.Doc()
    // Exports see the current layout; storing the migration is left to the next room load.
    const outcome = await loadJourney(this.#options.store, journeyId, doc, this.#options.migrate)
    if (outcome.status === 'missing') return null
    if (outcome.status === 'refused') throw new UnsupportedJourneyError(journeyId, outcome.message)
    return doc
  }

  async deleteJourney(journeyId: string): Promise<boolean> {
    const deleted = await this.#options.store.delete(journeyId)
    // The store removed the derived documents with the journey.
    for (const docId of [journeyId, ...derivedDocIds(journeyId)]) {
      this.#rooms.get(docId)?.terminate(CLOSE_CODES.journeyDeleted, 'journey deleted')
      if (deleted) this.#options.fanOut.publish(docId, this.#instanceId, { kind: 'deleted' })
    }
    return deleted
  }

  /** Closes every connection (1001), stores everything pending and unloads every room. */
  async close(): Promise<void> {
    this.#closing = true
    await Promise.all([...this.#rooms.values()].map((room) => room.shutdown()))
  }
}
