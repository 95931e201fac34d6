import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  createRegistry,
  editTurnByTurn,
  GatedStore,
  joinSynced,
  liveRoom,
  seedJourney,
  settle,
  TestPeer,
} from '../../test/support/rooms.js'
import { encodeUpdate } from '../protocol/index.js'
import { CLOSE_CODES } from '../sync/close-codes.js'

describe('Room sync', () => {
  it('stores before broadcasting, coalesces a turn into one frame and never echoes', async () => {
    const a = new TestPeer('a')
    const b = new TestPeer('b')
    const { store, room } = await liveRoom([a, b])
    const before = { a: a.of('update').length, b: b.of('update').length }

    const release = store.holdAppends()
    for (let i = 0; i < 3; i++) {
      room.receive(
        a,
        a.edit((doc) => doc.getMap('touchpoints').set(`t${i}`, i)),
      )
    }
    await settle()
    expect(b.of('update').length).toBe(before.b)
    release()
    await settle()
    expect(store.appends).toEqual([expect.any(Array)])
    expect(store.appends[0]).toHaveLength(3)
    expect(b.of('update').length).toBe(before.b + 1)
    expect(a.of('update').length).toBe(before.a)
    expect(b.doc.getMap('touchpoints').toJSON()).toEqual({ t0: 0, t1: 1, t2: 2 })
  })

  it('sends several writers of one turn the same frame as everyone else', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((label) => new TestPeer(label)) as [
      TestPeer,
      TestPeer,
      TestPeer,
    ]
    const { room } = await liveRoom([a, b, c])
    room.receive(
      a,
      a.edit((doc) => doc.getMap('personas').set('a', 1)),
    )
    room.receive(
      b,
      b.edit((doc) => doc.getMap('personas').set('b', 2)),
    )
    await settle()
    for (const peer of [a, b, c]) {
      expect(peer.doc.getMap('personas').toJSON()).toEqual({ a: 1, b: 2 })
    }
    expect(a.of('update')).toHaveLength(1)
    expect(b.of('update')).toEqual(a.of('update'))
    expect(c.of('update')).toEqual(a.of('update'))
  })

  it('gives a late joiner the full state from the cache, refreshed after changes', async () => {
    const writer = new TestPeer('w')
    const { registry, room } = await liveRoom([writer], { title: 'Cached' })
    const first = new TestPeer('first')
    registry.join('j', first)
    room.receive(first, first.syncStep1())
    room.receive(
      writer,
      writer.edit((doc) => doc.getMap('stages').set('s', 'new')),
    )
    await settle()
    const late = new TestPeer('late')
    registry.join('j', late)
    room.receive(late, late.syncStep1())
    await settle()
    expect(late.doc.getMap('stages').get('s')).toBe('new')
    expect(late.doc.getMap('meta').get('title')).toBe('Cached')
  })

  it('drops viewer updates: not applied, not stored, not broadcast', async () => {
    const viewer = new TestPeer('v', 'read')
    const editor = new TestPeer('e')
    const { store, room } = await liveRoom([viewer, editor])
    room.receive(
      viewer,
      viewer.edit((doc) => doc.getMap('meta').set('title', 'Vandalised')),
    )
    await settle()
    expect(room.doc.getMap('meta').get('title')).toBe('j')
    expect(store.appends).toEqual([])
    expect(editor.of('update')).toEqual([])
    expect(viewer.closed).toBeNull()
  })

  it('closes only the sender of a malformed update; the room carries on', async () => {
    const bad = new TestPeer('bad')
    const good = new TestPeer('good')
    const { store, registry, room } = await liveRoom([bad, good])
    const valid = Y.encodeStateAsUpdate(bad.doc)
    room.receive(bad, encodeUpdate(new Uint8Array([1, 2, 3, 250, 250])))
    expect(bad.closed?.code).toBe(CLOSE_CODES.malformedMessage)
    room.receive(good, new Uint8Array([0, 0]))
    expect(good.closed?.code).toBe(CLOSE_CODES.malformedMessage)
    const other = new TestPeer('other')
    registry.join('j', other)
    room.receive(other, other.syncStep1())
    await settle()
    room.receive(other, encodeUpdate(valid))
    room.receive(
      other,
      other.edit((doc) => doc.getMap('meta').set('title', 'Still fine')),
    )
    await settle()
    expect(other.closed).toBeNull()
    expect((await store.get('j'))?.title).toBe('Still fine')
    expect(store.appends.flat().every((update) => update.length > 0)).toBe(true)
  })

  it('deletes a journey: connected clients get 4410 and the room is gone', async () => {
    const peer = new TestPeer('p')
    const { registry } = await liveRoom([peer])
    expect(await registry.deleteJourney('j')).toBe(true)
    expect(peer.closed?.code).toBe(CLOSE_CODES.journeyDeleted)
    expect(registry.size).toBe(0)
    expect(await registry.readDoc('j')).toBeNull()
    expect(await registry.deleteJourney('j')).toBe(false)
  })

  it('reads a live document, including edits not yet stored, as an independent copy', async () => {
    const peer = new TestPeer('p')
    const { store, registry, room } = await liveRoom([peer])
    store.holdAppends()
    room.receive(
      peer,
      peer.edit((doc) => doc.getMap('meta').set('title', 'Live')),
    )
    const copy = await registry.readDoc('j')
    expect(copy?.getMap('meta').get('title')).toBe('Live')
    copy?.getMap('meta').set('title', 'Changed copy')
    expect(room.doc.getMap('meta').get('title')).toBe('Live')
    expect((await registry.readDoc('unknown'))?.toJSON()).toBeUndefined()
  })

  it('compacts when the log passes the threshold, keeping the state identical', async () => {
    const peer = new TestPeer('p')
    const { store, room } = await liveRoom([peer], { compactionThreshold: 5 })
    await editTurnByTurn(room, peer, 8)
    await room.settled()
    const stored = await store.load('j')
    expect(stored?.snapshot).not.toBeNull()
    expect(stored?.updates.length).toBeLessThan(5)
    const fresh = createRegistry(store)
    expect((await fresh.readDoc('j'))?.getMap('touchpoints').toJSON()).toEqual(
      room.doc.getMap('touchpoints').toJSON(),
    )
  })

  it('runs the migration on load and stores what it changed', async () => {
    const store = new GatedStore()
    await seedJourney(store, 'j')
    const registry = createRegistry(store, {
      migrate: (doc, origin) => {
        if (doc.getMap('meta').get('schemaVersion') === undefined) {
          doc.transact(() => doc.getMap('meta').set('schemaVersion', 1), origin)
        }
        return { ok: true }
      },
    })
    const room = registry.join('j', new TestPeer('p'))
    await room.loaded
    expect(store.appends).toHaveLength(1)
    const refusing = createRegistry(store, {
      migrate: () => ({ ok: false, message: 'saved by a newer version' }),
    })
    const peer = new TestPeer('q')
    await refusing.join('j', peer).loaded
    expect(peer.closed?.code).toBe(CLOSE_CODES.unsupportedSchema)
  })

  it('closes everyone with 1011 and unloads when storing fails; a new room reloads', async () => {
    const a = new TestPeer('a')
    const b = new TestPeer('b')
    const { store, registry, room } = await liveRoom([a, b], { title: 'Stored' })
    store.failAppends = true
    room.receive(
      a,
      a.edit((doc) => doc.getMap('meta').set('title', 'Lost?')),
    )
    await settle()
    expect(a.closed?.code).toBe(CLOSE_CODES.internalError)
    expect(b.closed?.code).toBe(CLOSE_CODES.internalError)
    // b never saw the edit that could not be stored.
    expect(b.of('update')).toEqual([])
    expect(registry.size).toBe(0)

    store.failAppends = false
    const again = new TestPeer('again')
    await joinSynced(registry, again)
    expect(again.doc.getMap('meta').get('title')).toBe('Stored')
  })

  it('closes everyone with 4410 when the journey was deleted behind the room', async () => {
    const peer = new TestPeer('p')
    const { store, registry, room } = await liveRoom([peer])
    // Deleted by another process sharing the storage.
    await store.delete('j')
    room.receive(
      peer,
      peer.edit((doc) => doc.getMap('meta').set('title', 'Too late')),
    )
    await settle()
    expect(peer.closed?.code).toBe(CLOSE_CODES.journeyDeleted)
    expect(registry.size).toBe(0)
  })
})
