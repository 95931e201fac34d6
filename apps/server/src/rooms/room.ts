import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Logger } from '../log.js'
import {
  type ClientMessage,
  decodeAwarenessUpdate,
  decodeMessage,
  encodeAwareness,
  encodeAwarenessUpdate,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  isWellFormedStateVector,
  isWellFormedUpdate,
  ProtocolError,
} from '../protocol/index.js'
import { digestJourneyDoc } from '../storage/journey-digest.js'
import { JourneyNotFoundError, type JourneyStore } from '../storage/journey-store.js'
import { docFromStored } from '../storage/stored-doc.js'
import { CLOSE_CODES } from '../sync/close-codes.js'
import { AwarenessGuard } from './awareness-guard.js'
import type { FanOut, FanOutMessage } from './fan-out.js'
import type { Peer } from './peer.js'
import { changesOnlyComments } from './write-scope.js'

export type RoomState = 'loading' | 'live' | 'flushing' | 'unloaded'

/** Upgrades a stored document in place; the model's `migrateDoc` fits. */
export type MigrateDoc = (
  doc: Y.Doc,
  origin: unknown,
) => { ok: true } | { ok: false; message: string }

export type RoomOptions = {
  store: JourneyStore
  fanOut: FanOut
  instanceId: string
  logger: Logger
  migrate: MigrateDoc
  /** Empty rooms stay loaded this long, so a reload of the page finds the room warm. */
  idleMs: number
  compactionThreshold: number
  maxAwarenessBytes: number
  /** Called once, when the room has left memory for good. */
  onUnloaded: (room: Room) => void
}

type PendingUpdate = { update: Uint8Array; origin: Peer | null }

/** Marks changes that arrived through the fan-out: already stored by another instance. */
const FROM_FAN_OUT = Symbol('fan-out')
/** Marks the migration a room runs on load: stored, never broadcast as a client's edit. */
const FROM_MIGRATION = Symbol('migration')

/**
 * One journey in memory: its document, its connections and their awareness.
 *
 * Write-ahead: an update from a client is applied to the document at once (which validates
 * it), queued, and stored together with the rest of the same event-loop turn's updates in
 * one group commit; only then is it sent to anyone else. A joining client's first full
 * state waits for pending writes too, so no client ever sees a change that is not durable.
 */
export class Room {
  readonly journeyId: string
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness: awarenessProtocol.Awareness
  readonly loaded: Promise<void>
  #state: RoomState = 'loading'
  readonly #options: RoomOptions
  readonly #peers = new Set<Peer>()
  readonly #guard: AwarenessGuard
  /** Messages that arrived while the document was loading, in arrival order. */
  #inbox: { peer: Peer; message: ClientMessage }[] = []
  #pending: PendingUpdate[] = []
  #flushScheduled = false
  #writing: Promise<void> | null = null
  #whenPersisted: (() => void)[] = []
  #compaction: Promise<void> | null = null
  #fullStateUpdate: Uint8Array | null = null
  #fullStateFrame: Uint8Array | null = null
  #idleTimer: NodeJS.Timeout | null = null
  #unsubscribe: () => void = () => {}

  constructor(journeyId: string, options: RoomOptions) {
    this.journeyId = journeyId
    this.#options = options
    this.#guard = new AwarenessGuard(options.maxAwarenessBytes)
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    // The server has no presence of its own.
    this.awareness.setLocalState(null)
    this.loaded = this.#load()
  }

  get state(): RoomState {
    return this.#state
  }

  get peerCount(): number {
    return this.#peers.size
  }

  /** True when the room can take connections (it may be finishing writes before unloading). */
  get open(): boolean {
    return this.#state !== 'unloaded'
  }

  join(peer: Peer): void {
    if (!this.open) throw new Error(`room ${this.journeyId} is unloaded`)
    this.#clearIdleTimer()
    this.#peers.add(peer)
    if (this.#state === 'live' || this.#state === 'flushing') this.#greet(peer)
  }

  /** Handles one binary frame from a peer; a malformed one closes that peer only. */
  receive(peer: Peer, frame: Uint8Array): void {
    if (!this.#peers.has(peer)) return
    let message: ClientMessage
    try {
      message = decodeMessage(frame)
    } catch (error) {
      this.#refuse(peer, error)
      return
    }
    if (this.#state === 'loading') this.#inbox.push({ peer, message })
    else this.#handle(peer, message)
  }

  leave(peer: Peer): void {
    if (!this.#peers.delete(peer)) return
    this.#inbox = this.#inbox.filter((entry) => entry.peer !== peer)
    const ids = this.#guard.release(peer)
    if (ids.length > 0 && this.#state !== 'unloaded') {
      awarenessProtocol.removeAwarenessStates(this.awareness, ids, peer)
    }
    if (this.#peers.size === 0 && this.#state === 'live') this.#startIdleTimer()
  }

  /** Closes every connection with `code`. */
  closeAll(code: number, reason: string): void {
    for (const peer of [...this.#peers]) {
      this.leave(peer)
      peer.close(code, reason)
    }
  }

  /** Resolves once every update received so far is stored (or failed to be). */
  async settled(): Promise<void> {
    while (this.#pending.length > 0 || this.#writing !== null || this.#compaction !== null) {
      if (this.#pending.length > 0 && this.#writing === null) this.#startFlush()
      await (this.#writing ?? this.#compaction)
    }
  }

  /**
   * Server shutdown: say goodbye to every client (1001 makes the stock client reconnect
   * later), store what is pending and leave memory.
   */
  async shutdown(): Promise<void> {
    this.#clearIdleTimer()
    await this.loaded
    this.closeAll(CLOSE_CODES.goingAway, 'server shutting down')
    await this.settled()
    this.#dispose()
  }

  /** The journey is gone (deleted here or through another instance): drop everything. */
  terminate(code: number, reason: string): void {
    this.closeAll(code, reason)
    this.#pending = []
    this.#dispose()
  }

  /** A copy of the current document, including edits still being stored. */
  copyDoc(): Y.Doc {
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc))
    return copy
  }

  async #load(): Promise<void> {
    const { store, logger } = this.#options
    try {
      const stored = await store.load(this.journeyId)
      if (this.#state === 'unloaded') return
      if (stored === null) {
        this.terminate(CLOSE_CODES.journeyNotFound, 'unknown journey')
        return
      }
      docFromStored(stored, this.doc)
      const migration: Uint8Array[] = []
      const recordMigration = (update: Uint8Array) => migration.push(update)
      this.doc.on('update', recordMigration)
      const migrated = this.#options.migrate(this.doc, FROM_MIGRATION)
      this.doc.off('update', recordMigration)
      if (!migrated.ok) {
        logger.warn({ journey: this.journeyId, reason: migrated.message }, 'journey not loadable')
        this.terminate(CLOSE_CODES.unsupportedSchema, migrated.message.slice(0, 120))
        return
      }
      if (migration.length > 0) {
        await store.append(this.journeyId, migration, digestJourneyDoc(this.doc))
        // Terminated (deleted, server closing) while the migration was being stored.
        if (!this.open) return
      }
      this.doc.on('update', this.#onDocUpdate)
      this.awareness.on('update', this.#onAwarenessUpdate)
      this.#unsubscribe = this.#options.fanOut.subscribe(
        this.journeyId,
        this.#options.instanceId,
        this.#onFanOut,
      )
      this.#state = 'live'
      logger.debug({ journey: this.journeyId, updates: stored.updates.length }, 'room loaded')
      if (stored.updates.length > this.#options.compactionThreshold) this.#scheduleCompaction()
      for (const peer of this.#peers) this.#greet(peer)
      const inbox = this.#inbox
      this.#inbox = []
      for (const { peer, message } of inbox) {
        if (this.#peers.has(peer)) this.#handle(peer, message)
      }
      if (this.#peers.size === 0) this.#startIdleTimer()
    } catch (error) {
      if (this.#state === 'unloaded') return
      if (error instanceof JourneyNotFoundError) {
        this.terminate(CLOSE_CODES.journeyNotFound, 'unknown journey')
        return
      }
      logger.error({ journey: this.journeyId, err: error }, 'room failed to load')
      this.terminate(CLOSE_CODES.internalError, 'journey could not be loaded')
    }
  }

  #greet(peer: Peer): void {
    peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    const clients = [...this.awareness.getStates().keys()]
    if (clients.length > 0) {
      peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)))
    }
  }

  #handle(peer: Peer, message: ClientMessage): void {
    switch (message.type) {
      case 'sync-step-1': {
        if (!isWellFormedStateVector(message.stateVector)) {
          this.#refuse(peer, new ProtocolError('malformed state vector'))
          return
        }
        this.#afterPersisted(() => {
          if (this.#peers.has(peer)) peer.send(this.#syncStep2For(message.stateVector))
        })
        return
      }
      case 'sync-step-2':
      case 'update':
        this.#applyClientUpdate(peer, message.update)
        return
      case 'awareness':
        this.#applyAwareness(peer, message.update)
        return
      case 'query-awareness': {
        const clients = [...this.awareness.getStates().keys()]
        peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)))
        return
      }
    }
  }

  #applyClientUpdate(peer: Peer, update: Uint8Array): void {
    // Dropped, not refused: a read-only client's editor may still produce local edits.
    if (peer.access === 'read') return
    if (!isWellFormedUpdate(update)) {
      this.#refuse(peer, new ProtocolError('malformed document update'))
      return
    }
    if (peer.access === 'comment' && !changesOnlyComments(this.#fullState(), update)) {
      this.#options.logger.info(
        { journey: this.journeyId, peer: peer.label },
        'dropped a commenter update that changes more than comments and votes',
      )
      return
    }
    try {
      Y.applyUpdate(this.doc, update, peer)
    } catch (error) {
      this.#refuse(peer, error)
    }
  }

  #applyAwareness(peer: Peer, update: Uint8Array): void {
    let admitted: ReturnType<AwarenessGuard['admit']>
    try {
      admitted = this.#guard.admit(peer, decodeAwarenessUpdate(update))
    } catch (error) {
      this.#refuse(peer, error)
      return
    }
    if (admitted.length === 0) return
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(admitted), peer)
  }

  /** The reply to a sync step 1; the full state (what every new client asks for) is cached. */
  #syncStep2For(stateVector: Uint8Array): Uint8Array {
    const isEmpty = Y.decodeStateVector(stateVector).size === 0
    if (!isEmpty) return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector))
    this.#fullStateFrame ??= encodeSyncStep2(this.#fullState())
    return this.#fullStateFrame
  }

  #fullState(): Uint8Array {
    this.#fullStateUpdate ??= Y.encodeStateAsUpdate(this.doc)
    return this.#fullStateUpdate
  }

  #refuse(peer: Peer, error: unknown): void {
    const detail = error instanceof Error ? error.message : String(error)
    this.#options.logger.info(
      { journey: this.journeyId, peer: peer.label, reason: detail },
      'refused a message',
    )
    this.leave(peer)
    peer.close(CLOSE_CODES.malformedMessage, 'malformed message')
  }

  readonly #onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.#fullStateUpdate = null
    this.#fullStateFrame = null
    if (origin === FROM_FAN_OUT) {
      this.#broadcast([{ update, origin: null }])
      return
    }
    this.#pending.push({ update, origin: isPeer(origin) ? origin : null })
    if (!this.#flushScheduled) {
      this.#flushScheduled = true
      // One group commit per event-loop turn: every update that arrived in this turn.
      setImmediate(() => {
        this.#flushScheduled = false
        if (this.#writing === null) this.#startFlush()
      })
    }
  }

  #startFlush(): void {
    if (this.#pending.length === 0) {
      this.#releasePersistedWaiters()
      return
    }
    const batch = this.#pending
    this.#pending = []
    this.#writing = this.#write(batch).finally(() => {
      this.#writing = null
      if (this.#pending.length > 0) this.#startFlush()
      else this.#releasePersistedWaiters()
    })
  }

  async #write(batch: PendingUpdate[]): Promise<void> {
    const { store, fanOut, instanceId, logger } = this.#options
    let logLength: number
    try {
      const result = await store.append(
        this.journeyId,
        batch.map((entry) => entry.update),
        digestJourneyDoc(this.doc),
      )
      logLength = result.logLength
    } catch (error) {
      if (this.#state === 'unloaded') return
      if (error instanceof JourneyNotFoundError) {
        this.terminate(CLOSE_CODES.journeyDeleted, 'journey deleted')
        return
      }
      // The document now holds changes that are not stored. Every client that made them
      // still has them and sends them again when it reconnects to a freshly loaded room.
      logger.error({ journey: this.journeyId, err: error }, 'storing updates failed')
      this.terminate(CLOSE_CODES.internalError, 'storage failure')
      return
    }
    if (this.#state === 'unloaded') return
    this.#broadcast(batch)
    const merged =
      batch.length === 1 ? batch[0]?.update : Y.mergeUpdates(batch.map((b) => b.update))
    if (merged) fanOut.publish(this.journeyId, instanceId, { kind: 'update', update: merged })
    if (logLength > this.#options.compactionThreshold) this.#scheduleCompaction()
  }

  /** Sends each peer the batch's updates it did not send itself, merged into one frame. */
  #broadcast(batch: readonly PendingUpdate[]): void {
    if (this.#peers.size === 0 || batch.length === 0) return
    const frames = new Map<Peer | null, Uint8Array | null>()
    const frameExcluding = (peer: Peer | null): Uint8Array | null => {
      const key = batch.some((entry) => entry.origin === peer) ? peer : null
      if (frames.has(key)) return frames.get(key) ?? null
      const updates = batch.filter((entry) => key === null || entry.origin !== key)
      const frame =
        updates.length === 0
          ? null
          : encodeUpdate(
              updates.length === 1
                ? (updates[0]?.update ?? new Uint8Array())
                : Y.mergeUpdates(updates.map((entry) => entry.update)),
            )
      frames.set(key, frame)
      return frame
    }
    for (const peer of this.#peers) {
      const frame = frameExcluding(peer)
      if (frame) peer.send(frame)
    }
  }

  readonly #onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const clients = [...changes.added, ...changes.updated, ...changes.removed]
    if (clients.length === 0 || this.#state === 'unloaded') return
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)
    const frame = encodeAwareness(update)
    // The sender gets its own state back too: the stock client treats 30 s without any
    // message as a dead connection, and its 15 s awareness renewal is what a lone client
    // would otherwise never hear.
    for (const peer of this.#peers) peer.send(frame)
    if (origin !== FROM_FAN_OUT) {
      this.#options.fanOut.publish(this.journeyId, this.#options.instanceId, {
        kind: 'awareness',
        update,
      })
    }
  }

  readonly #onFanOut = (message: FanOutMessage): void => {
    if (this.#state === 'unloaded') return
    if (message.kind === 'deleted') {
      this.terminate(CLOSE_CODES.journeyDeleted, 'journey deleted')
    } else if (message.kind === 'update') {
      Y.applyUpdate(this.doc, message.update, FROM_FAN_OUT)
    } else {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, FROM_FAN_OUT)
    }
  }

  #afterPersisted(callback: () => void): void {
    if (this.#pending.length === 0 && this.#writing === null) callback()
    else this.#whenPersisted.push(callback)
  }

  #releasePersistedWaiters(): void {
    if (this.#pending.length > 0 || this.#writing !== null) return
    const waiters = this.#whenPersisted
    this.#whenPersisted = []
    for (const waiter of waiters) waiter()
  }

  #scheduleCompaction(): void {
    if (this.#compaction !== null) return
    const { store, logger } = this.#options
    this.#compaction = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => store.compact(this.journeyId))
      .then(
        () => logger.debug({ journey: this.journeyId }, 'journey compacted'),
        (error: unknown) =>
          logger.error({ journey: this.journeyId, err: error }, 'compaction failed'),
      )
      .finally(() => {
        this.#compaction = null
      })
  }

  #startIdleTimer(): void {
    this.#clearIdleTimer()
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = null
      void this.#unloadIfIdle()
    }, this.#options.idleMs)
    this.#idleTimer.unref()
  }

  #clearIdleTimer(): void {
    if (this.#idleTimer !== null) clearTimeout(this.#idleTimer)
    this.#idleTimer = null
  }

  async #unloadIfIdle(): Promise<void> {
    if (this.#peers.size > 0 || this.#state !== 'live') return
    this.#state = 'flushing'
    await this.settled()
    if (this.#state !== 'flushing') return
    // Someone joined while the last writes were stored: stay.
    if (this.#peers.size > 0) {
      this.#state = 'live'
      return
    }
    this.#dispose()
  }

  #dispose(): void {
    if (this.#state === 'unloaded') return
    this.#state = 'unloaded'
    this.#clearIdleTimer()
    this.#unsubscribe()
    this.doc.off('update', this.#onDocUpdate)
    this.awareness.off('update', this.#onAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
    for (const waiter of this.#whenPersisted.splice(0)) waiter()
    this.#options.logger.debug({ journey: this.journeyId }, 'room unloaded')
    this.#options.onUnloaded(this)
  }
}

function isPeer(value: unknown): value is Peer {
  return typeof value === 'object' && value !== null && 'send' in value && 'access' in value
}
