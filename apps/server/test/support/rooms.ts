import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { createLogger } from '../../src/log.js'
import {
  type ClientMessage,
  decodeMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeUpdate,
} from '../../src/protocol/index.js'
import { LocalFanOut } from '../../src/rooms/fan-out.js'
import type { Access, Peer } from '../../src/rooms/peer.js'
import type { Room } from '../../src/rooms/room.js'
import { RoomRegistry, type RoomRegistryOptions } from '../../src/rooms/room-registry.js'
import { digestJourneyDoc } from '../../src/storage/journey-digest.js'
import type { JourneyStore } from '../../src/storage/journey-store.js'
import { MemoryJourneyStore } from '../../src/storage/memory-store.js'

/** A connection driven by a test: keeps its own document in sync with what it receives. */
export class TestPeer implements Peer {
  readonly doc = new Y.Doc()
  readonly received: ClientMessage[] = []
  closed: { code: number; reason: string } | null = null

  constructor(
    readonly label: string,
    readonly access: Access = 'write',
  ) {}

  send(frame: Uint8Array): void {
    const message = decodeMessage(frame)
    this.received.push(message)
    if (message.type === 'sync-step-2' || message.type === 'update') {
      Y.applyUpdate(this.doc, message.update, 'server')
    }
  }

  close(code: number, reason: string): void {
    this.closed = { code, reason }
  }

  of(type: ClientMessage['type']): ClientMessage[] {
    return this.received.filter((message) => message.type === type)
  }

  /** What a stock client sends first: its state vector. */
  syncStep1(): Uint8Array {
    return encodeSyncStep1(Y.encodeStateVector(this.doc))
  }

  /** Makes a local edit and returns the frame a client would send for it. */
  edit(change: (doc: Y.Doc) => void): Uint8Array {
    const updates: Uint8Array[] = []
    const record = (update: Uint8Array, origin: unknown) => {
      if (origin !== 'server') updates.push(update)
    }
    this.doc.on('update', record)
    change(this.doc)
    this.doc.off('update', record)
    return encodeUpdate(Y.mergeUpdates(updates))
  }
}

/** A real in-memory store whose loads and appends can be held back and counted. */
export class GatedStore extends MemoryJourneyStore {
  loads = 0
  appends: Uint8Array[][] = []
  compactions = 0
  /** Make every append, load or compaction fail, as a full or broken disk would. */
  failAppends = false
  failLoads = false
  failCompactions = false
  #loadGate: Promise<void> = Promise.resolve()
  #appendGate: Promise<void> = Promise.resolve()

  holdLoads(): () => void {
    let release = () => {}
    this.#loadGate = new Promise((resolve) => {
      release = resolve
    })
    return release
  }

  holdAppends(): () => void {
    let release = () => {}
    this.#appendGate = new Promise((resolve) => {
      release = resolve
    })
    return release
  }

  override async load(id: string) {
    this.loads++
    await this.#loadGate
    if (this.failLoads) throw new Error('disk unreadable')
    return super.load(id)
  }

  override async compact(...args: Parameters<MemoryJourneyStore['compact']>) {
    this.compactions++
    if (this.failCompactions) throw new Error('disk full')
    return super.compact(...args)
  }

  override async append(...args: Parameters<MemoryJourneyStore['append']>) {
    await this.#appendGate
    if (this.failAppends) throw new Error('disk full')
    this.appends.push([...args[1]])
    return super.append(...args)
  }
}

export async function seedJourney(store: JourneyStore, id: string, title = id): Promise<Y.Doc> {
  const doc = new Y.Doc()
  doc.getMap('meta').set('title', title)
  await store.create({ id, update: Y.encodeStateAsUpdate(doc), ...digestJourneyDoc(doc) })
  return doc
}

export function createRegistry(
  store: JourneyStore,
  overrides: Partial<RoomRegistryOptions> = {},
): RoomRegistry {
  return new RoomRegistry({
    store,
    fanOut: new LocalFanOut(),
    logger: createLogger('silent'),
    migrate: () => ({ ok: true }),
    idleMs: 60_000,
    compactionThreshold: 1_000,
    maxAwarenessBytes: 1_024,
    ...overrides,
  })
}

/**
 * A room on a seeded journey `j` (titled `title`), live, with `peers` joined and each
 * through its first sync, so their edits build on the stored state.
 */
export async function liveRoom(
  peers: readonly TestPeer[],
  options: { title?: string } & Partial<RoomRegistryOptions> = {},
): Promise<{ store: GatedStore; registry: RoomRegistry; room: Room }> {
  const { title = 'j', ...overrides } = options
  const store = new GatedStore()
  await seedJourney(store, 'j', title)
  const registry = createRegistry(store, overrides)
  const joined = peers.map((peer) => registry.join('j', peer))
  const room = joined[0] ?? registry.join('j', new TestPeer('first'))
  await room.loaded
  for (const peer of peers) room.receive(peer, peer.syncStep1())
  await settle()
  return { store, registry, room }
}

/** Joins `peer` to journey `j`, once loaded, through its first sync. */
export async function joinSynced(registry: RoomRegistry, peer: TestPeer): Promise<Room> {
  const room = registry.join('j', peer)
  await room.loaded
  room.receive(peer, peer.syncStep1())
  await settle()
  return room
}

/** Lets pending immediates (group commits) and promise continuations run. */
export async function settle(turns = 3): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve))
}

/** `count` edits by `peer`, each on its own turn, so that each is stored as its own write. */
export async function editTurnByTurn(room: Room, peer: TestPeer, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    room.receive(
      peer,
      peer.edit((doc) => doc.getMap('touchpoints').set(`t${i}`, i)),
    )
    await settle()
  }
}

/** An awareness frame as a client with `clientId` would send it. */
export function awarenessFrame(clientId: number, state: unknown, clock = 1): Uint8Array {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc())
  awareness.clientID = clientId
  awareness.states.set(clientId, state as Record<string, unknown>)
  awareness.meta.set(clientId, { clock, lastUpdated: 0 })
  if (state === null) awareness.states.delete(clientId)
  const frame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]))
  awareness.destroy()
  return frame
}
