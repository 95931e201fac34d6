// One simulated collaborator: a WebSocket speaking y-websocket (through the server's framing),
// optionally dragging a card of its own (a Y.Doc per dragging client) and moving a cursor.
// It measures what it receives instead of applying it; see SendLedger and StateVectorTracker.
import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import type { DeliveryStats } from './delivery-stats.js'
import type { Framing } from './framing.js'
import {
  awarenessMessage,
  EMPTY_STATE_VECTOR,
  EMPTY_UPDATE,
  MESSAGE_AWARENESS,
  MESSAGE_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  syncStep1,
  syncStep2,
  syncUpdate,
} from './messages.js'
import type { SendLedger } from './send-ledger.js'
import { StateVectorTracker } from './state-vector-tracker.js'

export interface SimClientOptions {
  url: string
  room: string
  framing: Framing
  ledger: SendLedger
  /** Where deliveries are counted; swapped per measurement window. */
  stats: DeliveryStats
  /** Clients that drag a card need a document to produce real Yjs updates. */
  dragsCards: boolean
  /** A document to start from (it is sent to the server on sync). */
  seed?: Y.Doc
  /**
   * Keep the server's sync step 2 unread until `receivedStateVector()`: when hundreds of
   * clients join a large document at once, reading it on arrival would make the harness,
   * not the server, the bottleneck of the join times being measured.
   */
  deferSyncRead?: boolean
}

const CARD_COLORS = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed']

export class SimClient {
  readonly clientId: number
  readonly doc: Y.Doc | null
  readonly tracker = new StateVectorTracker()
  stats: DeliveryStats
  /** Whether sends count toward the current window (flipped by the run). */
  measuring = false
  /** Clients in the room (including this one): each send is owed to the others. */
  roomSize = 1
  openedAt = 0
  syncedAt = 0
  closedWith: number | null = null
  private socket: WebSocket | null = null
  private startedAt = 0
  private cursorClock = 0
  private card: Y.Map<unknown> | null = null
  private pendingSentAt = 0
  private syncWaiters: Array<() => void> = []
  private unreadSync: Uint8Array[] = []
  private readonly options: SimClientOptions

  constructor(options: SimClientOptions) {
    this.options = options
    this.stats = options.stats
    this.doc = options.seed ?? (options.dragsCards ? new Y.Doc() : null)
    this.clientId = this.doc?.clientID ?? Math.floor(Math.random() * 0xffffffff)
    if (this.doc) {
      this.tracker.merge(Y.decodeStateVector(Y.encodeStateVector(this.doc)))
      this.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === this) return
        this.sendOwnUpdate(update)
      })
    }
  }

  get synced(): boolean {
    return this.syncedAt > 0
  }

  /** Opens the socket and starts the sync handshake; resolves when it is open. */
  connect(): Promise<void> {
    this.startedAt = performance.now()
    const socket = new WebSocket(this.options.url, { perMessageDeflate: false })
    this.socket = socket
    socket.binaryType = 'nodebuffer'
    socket.on('message', (data: Buffer) => this.receive(data))
    return new Promise((resolve, reject) => {
      socket.once('open', () => {
        this.openedAt = performance.now()
        const { framing, room } = this.options
        for (const message of framing.opening(room)) socket.send(message)
        const stateVector = this.doc ? Y.encodeStateVector(this.doc) : EMPTY_STATE_VECTOR
        this.send(syncStep1(stateVector))
        resolve()
      })
      socket.on('error', reject)
      socket.once('close', (code) => {
        this.closedWith = code
        reject(new Error(`closed with ${code} before opening`))
      })
    })
  }

  /** Milliseconds from starting to connect until the server's sync step 2 arrived. */
  get joinToSyncedMs(): number {
    return this.syncedAt - this.startedAt
  }

  whenSynced(): Promise<void> {
    if (this.synced) return Promise.resolve()
    return new Promise((resolve) => this.syncWaiters.push(resolve))
  }

  /** The state vector of everything received, reading any sync step 2 kept unread. */
  receivedStateVector(): Map<number, number> {
    for (const update of this.takeUnreadSync()) this.readSyncState(update)
    return this.tracker.snapshot()
  }

  /** The sync step 2 payloads kept unread, handed over (and forgotten) as they arrived. */
  takeUnreadSync(): Uint8Array[] {
    const unread = this.unreadSync
    this.unreadSync = []
    return unread
  }

  /** Creates this client's card (warm-up: its first update carries the whole card). */
  createCard(index: number): void {
    const doc = this.requireDoc()
    const cards = doc.getMap<Y.Map<unknown>>('touchpoints')
    const card = new Y.Map<unknown>()
    const id = `bench-card-${this.clientId}`
    doc.transact(() => {
      card.set('id', id)
      card.set('title', `Card ${index}`)
      card.set('position', { x: index * 10, y: 0 })
      cards.set(id, card)
    })
    this.card = card
  }

  /** One step of a drag: the card's position field, as the canvas writes it (~40 bytes). */
  drag(intendedAt: number): void {
    const card = this.card
    if (!card) throw new Error('createCard first')
    const step = Math.round(intendedAt) % 1000
    this.pendingSentAt = intendedAt
    card.set('position', { x: step, y: step >> 1 })
  }

  moveCursor(intendedAt: number): void {
    this.cursorClock += 1
    const position = Math.round(intendedAt) % 2000
    const state = JSON.stringify({
      user: { name: `Guest ${this.clientId % 1000}`, color: CARD_COLORS[this.clientId % 5] },
      cursor: { x: position, y: position >> 1 },
    })
    if (this.measuring) {
      this.options.ledger.recordCursor(this.clientId, this.cursorClock, intendedAt)
      this.stats.sentCursors += 1
      this.stats.expectedCursors += this.roomSize - 1
    }
    this.send(awarenessMessage(this.clientId, this.cursorClock, state))
  }

  /** Sends a raw Yjs update for this client's document (cold-load preparation). */
  applyLocal(change: (doc: Y.Doc) => void): void {
    change(this.requireDoc())
  }

  get bufferedBytes(): number {
    return this.socket?.bufferedAmount ?? 0
  }

  /** Drops the connection at once, without a closing handshake. */
  terminate(): void {
    this.socket?.terminate()
  }

  close(): Promise<void> {
    const socket = this.socket
    if (!socket || socket.readyState === WebSocket.CLOSED) return Promise.resolve()
    return new Promise((resolve) => {
      socket.once('close', () => resolve())
      socket.close()
      setTimeout(() => {
        socket.terminate()
        resolve()
      }, 2000).unref()
    })
  }

  private requireDoc(): Y.Doc {
    if (!this.doc) throw new Error('this client has no document')
    return this.doc
  }

  private sendOwnUpdate(update: Uint8Array): void {
    const doc = this.requireDoc()
    const end = Y.getState(doc.store, doc.clientID)
    const decoder = decoding.createDecoder(update)
    decoding.readVarUint(decoder)
    const structs = decoding.readVarUint(decoder)
    const client = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    this.options.ledger.recordUpdate(client, clock, {
      sentAt: this.pendingSentAt || performance.now(),
      end,
      structs,
      measured: this.measuring,
    })
    this.pendingSentAt = 0
    this.tracker.advance(client, clock, end)
    if (this.measuring) {
      this.stats.sentUpdates += 1
      this.stats.expectedUpdates += this.roomSize - 1
    }
    this.send(syncUpdate(update))
  }

  private send(message: Uint8Array): void {
    const socket = this.socket
    if (!socket || socket.readyState !== WebSocket.OPEN) return
    socket.send(this.options.framing.wrap(this.options.room, message))
  }

  private receive(data: Buffer): void {
    const message = this.options.framing.unwrap(data)
    if (!message) return
    const decoder = decoding.createDecoder(message)
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE_SYNC) {
      const step = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (step === SYNC_STEP1) this.answerStep1(payload)
      else if (step === SYNC_STEP2) this.receiveStep2(payload)
      else if (step === SYNC_UPDATE) this.receiveUpdate(payload)
    } else if (type === MESSAGE_AWARENESS) {
      this.receiveAwareness(decoding.readVarUint8Array(decoder))
    }
  }

  private answerStep1(stateVector: Uint8Array): void {
    const update = this.doc ? Y.encodeStateAsUpdate(this.doc, stateVector) : EMPTY_UPDATE
    this.send(syncStep2(update))
  }

  private receiveStep2(update: Uint8Array): void {
    const arrivedAt = performance.now()
    if (this.options.deferSyncRead) this.unreadSync.push(update)
    else this.readSyncState(update)
    if (this.synced) return
    this.syncedAt = arrivedAt
    for (const resolve of this.syncWaiters) resolve()
    this.syncWaiters = []
  }

  private receiveUpdate(update: Uint8Array): void {
    const decoder = decoding.createDecoder(update)
    const groups = decoding.readVarUint(decoder)
    if (groups === 0) return
    if (groups === 1) {
      const structs = decoding.readVarUint(decoder)
      const client = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const sent = this.options.ledger.update(client, clock)
      if (sent && sent.structs === structs) {
        this.tracker.advance(client, clock, sent.end)
        this.count(client, sent)
        return
      }
    }
    this.readStructs(update)
  }

  private readSyncState(update: Uint8Array): void {
    // A client without a document asked for everything, so the answer is whole from clock 0
    // for every client, and the cheaper state-vector reader is exact.
    if (this.doc) this.readStructs(update)
    else this.tracker.merge(Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)))
  }

  /** The slow path, for merged updates and stored state: read every struct's ID. */
  private readStructs(update: Uint8Array): void {
    for (const struct of Y.decodeUpdate(update).structs) {
      const { client, clock } = struct.id
      if (struct instanceof Y.Skip) continue
      this.tracker.advance(client, clock, clock + struct.length)
      const sent = this.options.ledger.update(client, clock)
      if (sent) this.count(client, sent)
    }
  }

  private count(client: number, sent: { sentAt: number; measured: boolean }): void {
    // A server echoing a client's own update back is not a delivery to a collaborator.
    if (!sent.measured || client === this.clientId) return
    this.stats.deliveredUpdates += 1
    this.stats.updateLatency.recordMs(performance.now() - sent.sentAt)
  }

  private receiveAwareness(update: Uint8Array): void {
    const decoder = decoding.createDecoder(update)
    const entries = decoding.readVarUint(decoder)
    const now = performance.now()
    for (let i = 0; i < entries; i++) {
      const client = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      // Skip the state JSON without decoding it.
      const length = decoding.readVarUint(decoder)
      decoder.pos += length
      if (client === this.clientId) continue
      const sentAt = this.options.ledger.cursor(client, clock)
      if (sentAt === undefined) continue
      this.stats.deliveredCursors += 1
      this.stats.cursorLatency.recordMs(now - sentAt)
    }
  }
}
