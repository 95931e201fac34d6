import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  createRegistry,
  GatedStore,
  joinSynced,
  liveRoom,
  seedJourney,
  settle,
  TestPeer,
} from '../../test/support/rooms.js'
import { encodeUpdate } from '../protocol/index.js'
import { digestJourneyDoc } from '../storage/journey-digest.js'
import type { PreparedSnapshot } from '../storage/journey-store.js'
import { CLOSE_CODES } from '../sync/close-codes.js'

describe('Room lifecycle', () => {
  it('loads once for fifty simultaneous joins and sends nothing before the load', async () => {
    const store = new GatedStore()
    await seedJourney(store, 'j', 'Loaded once')
    const release = store.holdLoads()
    const registry = createRegistry(store)
    const peers = Array.from({ length: 50 }, (_, i) => new TestPeer(`p${i}`))
    for (const peer of peers) {
      registry.join('j', peer)
      registry.room('j')?.receive(peer, peer.syncStep1())
    }
    await settle()
    expect(store.loads).toBe(1)
    expect(peers.every((peer) => peer.received.length === 0)).toBe(true)
    release()
    await registry.room('j')?.loaded
    await settle()
    for (const peer of peers) {
      expect(peer.doc.getMap('meta').get('title')).toBe('Loaded once')
    }
    expect(registry.room('j')?.state).toBe('live')
  })

  it('bounds what clients may queue while the journey loads', async () => {
    const store = new GatedStore()
    await seedJourney(store, 'j')
    const release = store.holdLoads()
    const registry = createRegistry(store)
    const flooder = new TestPeer('flooder')
    const patient = new TestPeer('patient')
    const room = registry.join('j', flooder)
    registry.join('j', patient)
    room.receive(patient, patient.syncStep1())
    const big = encodeUpdate(new Uint8Array(8 * 1024 * 1024))
    for (let i = 0; i < 9 && flooder.closed === null; i++) room.receive(flooder, big)
    expect(flooder.closed?.code).toBe(CLOSE_CODES.tryAgainLater)
    release()
    await room.loaded
    await settle()
    expect(patient.closed).toBeNull()
    expect(patient.doc.getMap('meta').get('title')).toBe('j')
  })

  it('refuses unknown journeys with 4404 and forgets the room', async () => {
    const store = new GatedStore()
    const registry = createRegistry(store)
    const peer = new TestPeer('p')
    registry.join('missing', peer)
    await registry.room('missing')?.loaded
    expect(peer.closed?.code).toBe(CLOSE_CODES.journeyNotFound)
    expect(registry.size).toBe(0)
  })

  it('unloads an idle room after the grace period, but not while a write is pending', async () => {
    const peer = new TestPeer('p')
    const { store, registry, room } = await liveRoom([peer], { idleMs: 5 })
    const release = store.holdAppends()
    room.receive(
      peer,
      peer.edit((doc) => doc.getMap('meta').set('title', 'Pending')),
    )
    room.leave(peer)
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(room.state).toBe('flushing')
    expect(registry.size).toBe(1)
    release()
    await settle(5)
    expect(room.state).toBe('unloaded')
    expect(registry.size).toBe(0)
    expect((await store.get('j'))?.title).toBe('Pending')
  })

  it('sends nothing to a client that left while the journey loaded, then idles out', async () => {
    const store = new GatedStore()
    await seedJourney(store, 'j')
    const release = store.holdLoads()
    const registry = createRegistry(store, { idleMs: 5 })
    const gone = new TestPeer('gone')
    const room = registry.join('j', gone)
    room.receive(gone, gone.syncStep1())
    room.receive(
      gone,
      gone.edit((doc) => doc.getMap('meta').set('title', 'From a closed tab')),
    )
    room.leave(gone)
    release()
    await room.loaded
    await settle()
    expect(gone.received).toEqual([])
    expect(store.appends).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(room.state).toBe('unloaded')
    expect(registry.size).toBe(0)
  })

  it('closes clients with 1011 when the journey cannot be read, and tries again later', async () => {
    const store = new GatedStore()
    await seedJourney(store, 'j', 'Readable again')
    await seedJourney(store, 'other')
    const registry = createRegistry(store)
    store.failLoads = true
    const first = new TestPeer('first')
    await registry.join('j', first).loaded
    expect(first.closed?.code).toBe(CLOSE_CODES.internalError)
    expect(registry.size).toBe(0)

    store.failLoads = false
    const second = new TestPeer('second')
    await joinSynced(registry, second)
    expect(second.doc.getMap('meta').get('title')).toBe('Readable again')
  })

  it('keeps a flushing room for a client who arrives before the last write is stored', async () => {
    const leaver = new TestPeer('leaver')
    const { store, registry, room } = await liveRoom([leaver], { idleMs: 5 })
    const release = store.holdAppends()
    room.receive(
      leaver,
      leaver.edit((doc) => doc.getMap('meta').set('title', 'Written while leaving')),
    )
    room.leave(leaver)
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(room.state).toBe('flushing')
    const arriving = new TestPeer('arriving')
    expect(registry.join('j', arriving)).toBe(room)
    room.receive(arriving, arriving.syncStep1())
    // Its full state waits for the write, so it never sees an edit that is not stored.
    await settle()
    expect(arriving.of('sync-step-2')).toEqual([])
    release()
    await settle(5)
    expect(room.state).toBe('live')
    expect(arriving.doc.getMap('meta').get('title')).toBe('Written while leaving')
  })

  it('stores pending writes and closes clients with 1001 when the server shuts down', async () => {
    const peer = new TestPeer('p')
    const { store, registry, room } = await liveRoom([peer])
    const release = store.holdAppends()
    room.receive(
      peer,
      peer.edit((doc) => doc.getMap('meta').set('title', 'Flushed on shutdown')),
    )
    let closed = false
    const closing = registry.close().then(() => {
      closed = true
    })
    await settle()
    expect(peer.closed?.code).toBe(CLOSE_CODES.goingAway)
    expect(closed).toBe(false)
    release()
    await closing
    expect((await store.get('j'))?.title).toBe('Flushed on shutdown')
    expect(registry.size).toBe(0)
    const late = new TestPeer('late')
    expect(() => registry.join('j', late)).toThrow()
    expect(late.closed?.code).toBe(CLOSE_CODES.goingAway)
  })

  it('keeps serving when a compaction fails, and leaves the log whole', async () => {
    const a = new TestPeer('a')
    const b = new TestPeer('b')
    const { store, room } = await liveRoom([a, b], { compactionThreshold: 2 })
    store.failCompactions = true
    for (let i = 0; i < 4; i++) {
      room.receive(
        a,
        a.edit((doc) => doc.getMap('touchpoints').set(`t${i}`, i)),
      )
      await settle()
    }
    await room.settled()
    expect(store.compactions).toBeGreaterThan(0)
    expect(a.closed).toBeNull()
    expect(b.doc.getMap('touchpoints').size).toBe(4)
    const stored = await store.load('j')
    expect(stored?.snapshot).toBeNull()
    expect(stored?.updates).toHaveLength(5)
  })

  it('closes everyone with 1011 when relaying a stored batch fails, and keeps the batch', async () => {
    const writer = new TestPeer('writer')
    const broken = new BrokenPeer('broken')
    const { store, registry, room } = await liveRoom([writer, broken])
    room.receive(
      writer,
      writer.edit((doc) => doc.getMap('meta').set('title', 'Stored, then relayed badly')),
    )
    await settle()
    expect(writer.closed?.code).toBe(CLOSE_CODES.internalError)
    expect(broken.closed?.code).toBe(CLOSE_CODES.internalError)
    expect(registry.size).toBe(0)
    expect((await store.get('j'))?.title).toBe('Stored, then relayed badly')
  })
})

describe('Room loading a long log', () => {
  it('answers the waiting client first, then compacts from the loaded document', async () => {
    const { store, doc } = await longLog()
    const release = store.holdLoads()
    const registry = createRegistry(store, { compactionThreshold: 3 })
    const peer = new TestPeer('p')
    const room = registry.join('j', peer)
    room.receive(peer, peer.syncStep1())
    store.onCompact = () => expect(peer.of('sync-step-2')).toHaveLength(1)
    release()
    await room.loaded
    await room.settled()
    expect(store.prepared).toHaveLength(1)
    const [prepared] = store.prepared
    const fromSnapshot = new Y.Doc()
    Y.applyUpdateV2(fromSnapshot, prepared?.snapshot ?? new Uint8Array())
    expect(Y.encodeStateAsUpdate(fromSnapshot)).toEqual(Y.encodeStateAsUpdate(doc))
    expect((await store.load('j'))?.updates).toEqual([])
  })

  it('leaves the snapshot to the store while a client update awaits storing', async () => {
    const { store } = await longLog()
    const release = store.holdLoads()
    const registry = createRegistry(store, { compactionThreshold: 3 })
    const peer = new TestPeer('p')
    const room = registry.join('j', peer)
    room.receive(peer, peer.syncStep1())
    room.receive(
      peer,
      peer.edit((doc) => doc.getMap('touchpoints').set('late', 'written while compacting')),
    )
    const appends = store.holdAppends()
    release()
    await room.loaded
    await settle()
    appends()
    await room.settled()
    expect(store.prepared).toEqual([undefined])
    const reloaded = createRegistry(store)
    const late = new TestPeer('late')
    await joinSynced(reloaded, late)
    expect(late.doc.getMap('touchpoints').get('late')).toBe('written while compacting')
    expect(late.doc.getMap('touchpoints').get('t1')).toBe(5)
  })
})

/** Records the snapshot each compaction was offered, and runs `onCompact` first. */
class SnapshotStore extends GatedStore {
  prepared: (PreparedSnapshot | undefined)[] = []
  onCompact: () => void = () => {}

  override async compact(id: string, prepared?: PreparedSnapshot) {
    this.onCompact()
    this.prepared.push(prepared)
    return super.compact(id, prepared)
  }
}

/** Journey `j` stored as its creation and six more updates, one per stored row. */
async function longLog(): Promise<{ store: SnapshotStore; doc: Y.Doc }> {
  const store = new SnapshotStore()
  const doc = await seedJourney(store, 'j')
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (let i = 0; i < 6; i++) doc.getMap('touchpoints').set(`t${i % 2}`, i)
  await store.append('j', updates, digestJourneyDoc(doc))
  return { store, doc }
}

/** A connection whose socket fails when a document update is sent to it. */
class BrokenPeer extends TestPeer {
  override send(frame: Uint8Array): void {
    super.send(frame)
    if (this.received.at(-1)?.type === 'update') throw new Error('socket exploded')
  }
}
