import { type ReviewData, seedReviewFromLegacy, writeReview } from '@touchline/model'
import * as Y from 'yjs'
import { UnsupportedJourneyError } from '../rooms/load-journey.js'
import type { Room } from '../rooms/room.js'
import type { RoomRegistry } from '../rooms/room-registry.js'
import { type DerivedDoc, derivedDocId } from '../storage/derived-doc-id.js'
import { JourneyExistsError, type JourneyStore } from '../storage/journey-store.js'
import { CLOSE_CODES } from '../sync/close-codes.js'

/** Marks the changes the server makes itself, in answer to requests it has checked. */
export const SERVER_ORIGIN = Symbol('server')

/** A journey's three live documents, as a request may read and change them. */
export type ReviewDocs = { journey: Y.Doc; review: Y.Doc; private: Y.Doc }

/** Rooms kept loaded for the holder until `release`. */
export type HeldReview = { docs: ReviewDocs; rooms: Room[]; release(): void }

/** A derived document holds no journey: its digest in the journeys table is empty. */
const NO_DIGEST = {
  title: '',
  counts: { personas: 0, stages: 0, touchpoints: 0, connections: 0 },
}

/**
 * A journey's review (comments, vote sessions) and private document (hidden ballots,
 * share links), next to the journey itself. Both are ordinary stored documents with rooms
 * of their own, so they are stored before they are relayed, compacted and fanned out to
 * other instances like a journey; but only the server writes them, through this.
 *
 * They are made the first time a journey needs them, the review seeded once from the
 * comments and votes an older Touchline kept inside the journey. Instances racing to make
 * them is harmless: one creation wins and the others find it made.
 */
export class JourneyReview {
  readonly #registry: RoomRegistry
  readonly #store: JourneyStore
  /** Creations under way, so concurrent requests of one instance share one. */
  readonly #creating = new Map<string, Promise<void>>()

  constructor(options: { registry: RoomRegistry; store: JourneyStore }) {
    this.#registry = options.registry
    this.#store = options.store
  }

  /**
   * Keeps the journey's three rooms loaded, loading (and if needed creating) them; null
   * when the journey does not exist. Throws `UnsupportedJourneyError` for a journey this
   * server cannot read.
   */
  async hold(journeyId: string): Promise<HeldReview | null> {
    const journey = await this.#live(journeyId, journeyId)
    if (journey === null) return null
    const held = [journey]
    const release = () => {
      for (const { release } of held) release()
    }
    try {
      await Promise.all([
        this.#ensure(journeyId, 'review', journey.room.doc),
        this.#ensure(journeyId, 'private', journey.room.doc),
      ])
      for (const kind of ['review', 'private'] as const) {
        const derived = await this.#live(journeyId, derivedDocId(journeyId, kind))
        if (derived === null) {
          release()
          return null
        }
        held.push(derived)
      }
    } catch (error) {
      release()
      throw error
    }
    const [, review, privateRoom] = held as [HeldRoom, HeldRoom, HeldRoom]
    return {
      docs: { journey: journey.room.doc, review: review.room.doc, private: privateRoom.room.doc },
      rooms: held.map(({ room }) => room),
      release,
    }
  }

  /** Makes sure the journey's review and private documents exist; false without a journey. */
  async ensure(journeyId: string): Promise<boolean> {
    const held = await this.hold(journeyId)
    held?.release()
    return held !== null
  }

  /**
   * Keeps only the journey's private document loaded, without creating anything; null
   * when it does not exist (no share link was ever made for the journey, or it is gone).
   */
  async holdPrivate(journeyId: string): Promise<{ room: Room; release(): void } | null> {
    const docId = derivedDocId(journeyId, 'private')
    if (!isLive(this.#registry.room(docId)) && !(await this.#store.exists(docId))) return null
    return this.#live(journeyId, docId)
  }

  /** Runs `read` on the journey's live documents; null when the journey does not exist. */
  async read<T>(journeyId: string, read: (docs: ReviewDocs) => T): Promise<T | null> {
    const held = await this.hold(journeyId)
    if (held === null) return null
    try {
      return read(held.docs)
    } finally {
      held.release()
    }
  }

  /**
   * Runs `change` on the journey's live documents (mutations that use `SERVER_ORIGIN`)
   * and resolves once what it changed is stored; null when the journey does not exist.
   * Rejects with `RoomClosedError` should a changed document's room close before that.
   */
  async change<T>(journeyId: string, change: (docs: ReviewDocs) => T): Promise<T | null> {
    const held = await this.hold(journeyId)
    if (held === null) return null
    try {
      const changed = new Set<Room>()
      const listeners = held.rooms.map((room) => {
        const listener = () => changed.add(room)
        room.doc.on('update', listener)
        return () => room.doc.off('update', listener)
      })
      let result: T
      try {
        result = change(held.docs)
      } finally {
        for (const stop of listeners) stop()
      }
      await Promise.all([...changed].map((room) => room.stored()))
      return result
    } finally {
      held.release()
    }
  }

  /**
   * Stores the review a journey file brought with it, for a journey just stored under
   * `journeyId` (an import), before anyone can have opened its review.
   */
  async storeImported(journeyId: string, data: ReviewData): Promise<void> {
    if (data.comments.length === 0 && data.voteSessions.length === 0) return
    const doc = new Y.Doc()
    try {
      writeReview(doc, SERVER_ORIGIN, data)
      const id = derivedDocId(journeyId, 'review')
      await this.#store.create({ id, update: Y.encodeStateAsUpdate(doc), ...NO_DIGEST })
    } finally {
      doc.destroy()
    }
  }

  async #live(journeyId: string, docId: string): Promise<HeldRoom | null> {
    const held = this.#registry.hold(docId)
    await held.room.loaded
    if (held.room.open) return held
    held.release()
    const end = held.room.ended
    if (end?.code === CLOSE_CODES.journeyNotFound || end?.code === CLOSE_CODES.journeyDeleted) {
      return null
    }
    if (end?.code === CLOSE_CODES.unsupportedSchema) {
      throw new UnsupportedJourneyError(journeyId, end.reason)
    }
    throw new Error(`${docId} could not be loaded${end ? `: ${end.reason}` : ''}`)
  }

  async #ensure(journeyId: string, kind: DerivedDoc, journey: Y.Doc): Promise<void> {
    const docId = derivedDocId(journeyId, kind)
    if (isLive(this.#registry.room(docId))) return
    let creating = this.#creating.get(docId)
    if (!creating) {
      creating = this.#create(journeyId, kind, journey).finally(() => this.#creating.delete(docId))
      this.#creating.set(docId, creating)
    }
    await creating
  }

  async #create(journeyId: string, kind: DerivedDoc, journey: Y.Doc): Promise<void> {
    const docId = derivedDocId(journeyId, kind)
    if (await this.#store.exists(docId)) return
    const doc = new Y.Doc()
    try {
      if (kind === 'review') seedReviewFromLegacy(doc, SERVER_ORIGIN, journey)
      await this.#store.create({ id: docId, update: Y.encodeStateAsUpdate(doc), ...NO_DIGEST })
    } catch (error) {
      // Another request or instance made it first, from the same journey.
      if (error instanceof JourneyExistsError) return
      throw error
    } finally {
      doc.destroy()
    }
    // Deleted meanwhile: deleting its id again takes the document made for it too.
    if (!(await this.#store.exists(journeyId))) await this.#store.delete(journeyId)
  }
}

type HeldRoom = { room: Room; release(): void }

/** A room whose document is known to be stored: loaded, not loading (it might be missing). */
function isLive(room: Room | undefined): boolean {
  return room?.state === 'live' || room?.state === 'flushing'
}
