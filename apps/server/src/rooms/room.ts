import * as Y from 'yjs'
import type { Logger } from '../log.js'
import {
  type ClientMessage,
  decodeMessage,
  encodeSyncStep1,
  encodeUpdate,
} from '../protocol/index.js'
import {
  type AppendResult,
  JourneyNotFoundError,
  type JourneyStore,
  type PreparedSnapshot,
} from '../storage/journey-store.js'
import { CLOSE_CODES } from '../sync/close-codes.js'
import { BackgroundCompaction } from './background-compaction.js'
import { catchUpFromStore } from './catch-up.js'
import { type ClientMessageContext, handleClientMessage, refuse } from './client-messages.js'
import { mergeBatch, soleOrigin } from './coalesce.js'
import type { FanOut, FanOutMessage } from './fan-out.js'
import { FullStateCache } from './full-state-cache.js'
import { GroupCommit, type PendingUpdate } from './group-commit.js'
import { IdleTimer } from './idle-timer.js'
import { LiveDigest } from './live-digest.js'
import { loadJourney, type MigrateDoc } from './load-journey.js'
import { LoadingInbox } from './loading-inbox.js'
import { isPeer, type Peer } from './peer.js'
import { RoomAwareness } from './room-awareness.js'

export type RoomState = 'loading' | 'live' | 'flushing' | 'unloaded'

/** Why a room left memory other than by idling: the close code its clients were sent. */
export type RoomEnd = { code: number; reason: string }

/** What waits on a room (`stored`) learns when the room closed first. */
export class RoomClosedError extends Error {
  constructor(
    readonly docId: string,
    readonly end: RoomEnd | null,
  ) {
    super(`room ${docId} closed${end ? `: ${end.reason}` : ''}`)
    this.name = 'RoomClosedError'
  }
}

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
  /** False for documents nobody has presence in (a journey's review): states are dropped. */
  presence: boolean
  /** Called once, when the room has left memory for good. */
  onUnloaded: (room: Room) => void
}

/** Marks changes that arrived through the fan-out: already stored by another instance. */
const FROM_FAN_OUT = Symbol('fan-out')

/** What `stored` reads of the document: nothing, it only waits for the writes before it. */
const NOTHING = new Uint8Array(0)

/**
 * One journey in memory: its document, its connections and their awareness.
 *
 * Write-ahead: an update from a client is applied to the document at once (which validates
 * it), queued, and stored in one append with the rest of the same event-loop turn's updates
 * (which the store commits together with other rooms'); only then is it sent to anyone
 * else. A joining client's first full state is read when nothing unstored remains outside
 * the batches being written, and sent once they are durable, so no client ever sees a
 * change that is not durable.
 */
export class Room {
  readonly journeyId: string
  readonly doc = new Y.Doc({ gc: true })
  readonly presence: RoomAwareness
  readonly loaded: Promise<void>
  /** Settles once the room has left memory, however it came to (see `ended`). */
  readonly unloaded: Promise<void>
  #markUnloaded: () => void = () => {}
  #state: RoomState = 'loading'
  readonly #options: RoomOptions
  readonly #peers = new Set<Peer>()
  /** The server's own uses of the room (API requests, link watchers), which keep it loaded. */
  #holds = 0
  #end: RoomEnd | null = null
  /** Rejections of `stored` calls still waiting, run should the room close first. */
  readonly #storing = new Set<(error: Error) => void>()
  readonly #inbox = new LoadingInbox()
  readonly #commits = new GroupCommit((batch) => this.#write(batch))
  readonly #compaction: BackgroundCompaction
  readonly #fullState = new FullStateCache(this.doc)
  readonly #digest = new LiveDigest(this.doc)
  readonly #idleTimer: IdleTimer
  #unsubscribe: () => void = () => {}
  /** Fan-out messages that arrived while loading; replayed once the room is live. */
  #fanOutBacklog: FanOutMessage[] | null = []
  readonly #clients: ClientMessageContext

  constructor(journeyId: string, options: RoomOptions) {
    this.journeyId = journeyId
    this.#options = options
    this.#compaction = new BackgroundCompaction(options.store, journeyId, options.logger)
    this.#idleTimer = new IdleTimer(options.idleMs, () => void this.#unloadIfIdle())
    this.presence = new RoomAwareness(this.doc, {
      maxStateBytes: options.maxAwarenessBytes,
      peers: () => this.#peers,
      publish: (update) =>
        options.fanOut.publish(journeyId, options.instanceId, { kind: 'awareness', update }),
    })
    this.#clients = {
      journeyId,
      doc: this.doc,
      presence: options.presence ? this.presence : null,
      fullState: this.#fullState,
      logger: options.logger,
      isMember: (peer) => this.#peers.has(peer),
      readDurable: (take, deliver) => this.#commits.readDurable(take, deliver),
      expel: (peer, code, reason) => this.expel(peer, code, reason),
    }
    this.unloaded = new Promise((resolve) => {
      this.#markUnloaded = resolve
    })
    this.loaded = this.#load()
  }

  get state(): RoomState {
    return this.#state
  }

  /** True when the room can take connections (it may be finishing writes before unloading). */
  get open(): boolean {
    return this.#state !== 'unloaded'
  }

  /** Why the room closed its clients and left memory; null while open or after idling. */
  get ended(): RoomEnd | null {
    return this.#end
  }

  /**
   * Keeps the room in memory without a connection, for the server's own use of its
   * document; the room idles as usual once every hold is released (the returned function,
   * which may be called more than once).
   */
  hold(): () => void {
    if (!this.open) throw new Error(`room ${this.journeyId} is unloaded`)
    this.#idleTimer.stop()
    this.#holds++
    let released = false
    return () => {
      if (released) return
      released = true
      this.#holds--
      if (!this.#inUse() && this.#state === 'live') this.#idleTimer.start()
    }
  }

  /**
   * Resolves once every change the document holds now is stored and sent on, as a change
   * the server made itself must be before it is reported done. Rejects with
   * `RoomClosedError` when the room closes first (its journey deleted, storage failing).
   */
  stored(): Promise<void> {
    if (!this.open) return Promise.reject(new RoomClosedError(this.journeyId, this.#end))
    return new Promise((resolve, reject) => {
      this.#storing.add(reject)
      this.#commits.readDurable(
        () => NOTHING,
        () => {
          this.#storing.delete(reject)
          resolve()
        },
      )
    })
  }

  join(peer: Peer): void {
    if (!this.open) throw new Error(`room ${this.journeyId} is unloaded`)
    this.#idleTimer.stop()
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
      refuse(this.#clients, peer, error)
      return
    }
    if (this.#state !== 'loading') {
      this.#handle(peer, message)
      return
    }
    if (!this.#inbox.add(peer, message, frame.length)) {
      this.expel(peer, CLOSE_CODES.tryAgainLater, 'journey still loading')
    }
  }

  leave(peer: Peer): void {
    if (!this.#peers.delete(peer)) return
    this.#inbox.drop(peer)
    if (this.#state !== 'unloaded') this.presence.release(peer)
    if (!this.#inUse() && this.#state === 'live') this.#idleTimer.start()
  }

  /** Disconnects one connection with `code`; nothing it sends afterwards is read. */
  expel(peer: Peer, code: number, reason: string): void {
    this.leave(peer)
    peer.close(code, reason)
  }

  /** Closes every connection with `code`. */
  closeAll(code: number, reason: string): void {
    for (const peer of [...this.#peers]) this.expel(peer, code, reason)
  }

  /** Resolves once every update received so far is stored (or failed to be). */
  async settled(): Promise<void> {
    for (;;) {
      await this.#commits.settled()
      const compaction = this.#compaction.running
      if (compaction === null) break
      await compaction
    }
  }

  /**
   * Server shutdown: say goodbye to every client (1001 makes the stock client reconnect
   * later), store what is pending and leave memory.
   */
  async shutdown(): Promise<void> {
    this.#idleTimer.stop()
    await this.loaded
    this.closeAll(CLOSE_CODES.goingAway, 'server shutting down')
    await this.settled()
    this.#dispose()
  }

  /** The journey is gone (deleted here or through another instance): drop everything. */
  terminate(code: number, reason: string): void {
    this.#end ??= { code, reason }
    this.closeAll(code, reason)
    this.#commits.discard()
    this.#dispose()
  }

  /** A copy of the current document, including edits still being stored. */
  copyDoc(): Y.Doc {
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc))
    return copy
  }

  async #load(): Promise<void> {
    const { store, logger, fanOut, instanceId } = this.#options
    try {
      // Subscribed before storage is read: whatever another instance stores and publishes
      // after our read is then certain to reach us (and replaying what the read already
      // contained is harmless, Yjs updates are idempotent).
      const subscription = fanOut.subscribe(this.journeyId, instanceId, this.#onFanOut)
      this.#unsubscribe = subscription.unsubscribe
      await subscription.ready
      if (!this.open) return
      const outcome = await loadJourney(store, this.journeyId, this.doc, this.#options.migrate)
      if (this.#state === 'unloaded') return
      if (outcome.status === 'missing') {
        this.terminate(CLOSE_CODES.journeyNotFound, 'unknown journey')
        return
      }
      if (outcome.status === 'refused') {
        logger.warn({ journey: this.journeyId, reason: outcome.message }, 'journey not loadable')
        this.terminate(CLOSE_CODES.unsupportedSchema, outcome.message)
        return
      }
      if (outcome.migration.length > 0) {
        await store.append(this.journeyId, outcome.migration, this.#digest.get())
        // Terminated (deleted, server closing) while the migration was being stored.
        if (!this.open) return
      }
      this.doc.on('update', this.#onDocUpdate)
      this.#state = 'live'
      const backlog = this.#fanOutBacklog ?? []
      this.#fanOutBacklog = null
      for (const message of backlog) this.#onFanOut(message)
      // A deletion was among them.
      if (!this.open) return
      logger.debug({ journey: this.journeyId, updates: outcome.logLength }, 'room loaded')
      for (const peer of this.#peers) this.#greet(peer)
      for (const { peer, message } of this.#inbox.drain()) {
        if (this.#peers.has(peer)) this.#handle(peer, message)
      }
      if (outcome.logLength > this.#options.compactionThreshold) {
        this.#compaction.schedule(() => this.#loadedSnapshot(outcome.through))
      }
      if (!this.#inUse()) this.#idleTimer.start()
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

  /**
   * The loaded document as a snapshot of the log through `through`, so a long log is not
   * read and rebuilt a second time to compact it. Only while nothing in the document
   * awaits storing: anything it holds beyond the log (the migration, later changes) is then
   * stored already, and replaying those later is harmless.
   */
  #loadedSnapshot(through: number): PreparedSnapshot | undefined {
    return this.#commits.idle ? this.#docSnapshot(through) : undefined
  }

  /** The document as a snapshot of the log through `through`; none once the room is gone. */
  #docSnapshot(through: number): PreparedSnapshot | undefined {
    if (this.#state === 'unloaded') return undefined
    return { snapshot: Y.encodeStateAsUpdateV2(this.doc), through }
  }

  #greet(peer: Peer): void {
    peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    const presence = this.presence.stateFrame()
    if (presence !== null) peer.send(presence)
  }

  #handle(peer: Peer, message: ClientMessage): void {
    handleClientMessage(this.#clients, peer, message)
  }

  readonly #onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.#fullState.invalidate()
    if (origin === FROM_FAN_OUT) {
      this.#broadcast(update, null)
      return
    }
    this.#commits.push({ update, origin: isPeer(origin) ? origin : null })
  }

  /** Stores a batch; resolves to what relays it, or to null when the room had to close. */
  async #write(batch: PendingUpdate[]): Promise<(() => void) | null> {
    const { store, logger } = this.#options
    try {
      const appended = await store.append(
        this.journeyId,
        batch.map((entry) => entry.update),
        this.#digest.get(),
      )
      return () => this.#publish(batch, appended)
    } catch (error) {
      if (this.#state === 'unloaded') return null
      if (error instanceof JourneyNotFoundError) {
        this.terminate(CLOSE_CODES.journeyDeleted, 'journey deleted')
        return null
      }
      // The document now holds changes that are not stored. Every client that made them
      // still has them and sends them again when it reconnects to a freshly loaded room.
      logger.error({ journey: this.journeyId, err: error }, 'storing updates failed')
      this.terminate(CLOSE_CODES.internalError, 'storage failure')
      return null
    }
  }

  /** Sends a stored batch to the room and the other instances, in the order written. */
  #publish(batch: PendingUpdate[], appended: AppendResult): void {
    if (this.#state === 'unloaded') return
    const { fanOut, instanceId, logger } = this.#options
    try {
      const merged = mergeBatch(batch.map((entry) => entry.update))
      this.#broadcast(merged, soleOrigin(batch))
      fanOut.publish(this.journeyId, instanceId, { kind: 'update', update: merged })
    } catch (error) {
      // The batch is stored but some clients may have missed it: reconnecting resyncs them
      // from a freshly loaded room, and nothing escapes to take the process down.
      logger.error({ journey: this.journeyId, err: error }, 'relaying stored updates failed')
      this.terminate(CLOSE_CODES.internalError, 'internal error')
      return
    }
    if (appended.logLength > this.#options.compactionThreshold) {
      this.#compactWritten(appended.through)
    }
  }

  /**
   * Compacts once a write has taken the log past the bound. When this process is the
   * storage's only writer, the document holds everything stored up to `through` (each
   * stored update was applied to it first), so its snapshot replaces the log without
   * replaying it. Updates it holds beyond `through`, still being stored, do no harm: they
   * stay in the log, and applying them again changes nothing (should storing them fail,
   * their authors send them again anyway). With other writers the log may hold an update
   * this document has not received yet, so the store rebuilds from what it holds instead.
   */
  #compactWritten(through: number): void {
    const prepare = this.#options.store.soleWriter ? () => this.#docSnapshot(through) : undefined
    this.#compaction.schedule(prepare)
  }

  /** Sends one frame of `update` to every peer but `skip`, the one that made all of it. */
  #broadcast(update: Uint8Array, skip: Peer | null | undefined): void {
    if (this.#peers.size === 0) return
    const frame = encodeUpdate(update)
    for (const peer of this.#peers) if (peer !== skip) peer.send(frame)
  }

  readonly #onFanOut = (message: FanOutMessage): void => {
    if (this.#state === 'unloaded') return
    if (this.#fanOutBacklog !== null) {
      this.#fanOutBacklog.push(message)
      return
    }
    if (message.kind === 'deleted') {
      this.terminate(CLOSE_CODES.journeyDeleted, 'journey deleted')
    } else if (message.kind === 'resync') {
      void this.#catchUp()
    } else if (message.kind === 'update') {
      Y.applyUpdate(this.doc, message.update, FROM_FAN_OUT)
    } else {
      this.presence.applyFromFanOut(message.update)
    }
  }

  async #catchUp(): Promise<void> {
    const { store, logger } = this.#options
    try {
      const found = await catchUpFromStore(store, this.journeyId, this.doc, FROM_FAN_OUT)
      if (!found && this.open) this.terminate(CLOSE_CODES.journeyDeleted, 'journey deleted')
    } catch (error) {
      // The room stays as it is; the next change or reload brings it up to date.
      logger.warn({ journey: this.journeyId, err: error }, 'room could not catch up')
    }
  }

  #inUse(): boolean {
    return this.#peers.size > 0 || this.#holds > 0
  }

  async #unloadIfIdle(): Promise<void> {
    if (this.#inUse() || this.#state !== 'live') return
    this.#state = 'flushing'
    await this.settled()
    if (this.#state !== 'flushing') return
    // Someone joined (or the server took hold) while the last writes were stored: stay.
    if (this.#inUse()) {
      this.#state = 'live'
      return
    }
    this.#dispose()
  }

  #dispose(): void {
    if (this.#state === 'unloaded') return
    this.#state = 'unloaded'
    this.#idleTimer.stop()
    this.#unsubscribe()
    this.doc.off('update', this.#onDocUpdate)
    this.presence.destroy()
    this.doc.destroy()
    this.#commits.discard()
    const closed = new RoomClosedError(this.journeyId, this.#end)
    for (const reject of this.#storing) reject(closed)
    this.#storing.clear()
    this.#options.logger.debug({ journey: this.journeyId }, 'room unloaded')
    this.#options.onUnloaded(this)
    this.#markUnloaded()
  }
}
