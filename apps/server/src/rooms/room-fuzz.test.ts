import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  createRegistry,
  GatedStore,
  seedJourney,
  settle,
  TestPeer,
} from '../../test/support/rooms.js'
import { docFromStored } from '../storage/stored-doc.js'

/** Deterministic, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
}

describe('Room against corrupted frames', () => {
  it('stores only what it could apply, so the log always loads back to the live state', async () => {
    const store = new GatedStore()
    await seedJourney(store, 'j')
    const registry = createRegistry(store)
    const next = random(7)
    const author = new TestPeer('author')
    const frames: Uint8Array[] = []
    for (let i = 0; i < 40; i++) {
      frames.push(
        author.edit((doc) => {
          const touchpoint = new Y.Map<unknown>()
          touchpoint.set('title', `card ${i}`)
          touchpoint.set('emotion', (i % 7) - 3)
          doc.getMap('touchpoints').set(`t${i % 9}`, touchpoint)
          if (i % 4 === 0) doc.getMap('touchpoints').delete(`t${(i + 3) % 9}`)
        }),
      )
    }

    let refused = 0
    for (let round = 0; round < 400; round++) {
      const original = frames[Math.floor(next() * frames.length)] ?? new Uint8Array()
      const frame = original.slice()
      const flips = 1 + Math.floor(next() * 3)
      for (let f = 0; f < flips; f++) {
        const at = Math.floor(next() * frame.length)
        frame[at] = Math.floor(next() * 256)
      }
      const peer = new TestPeer(`fuzz${round}`)
      const room = registry.join('j', peer)
      await room.loaded
      room.receive(peer, frame)
      if (peer.closed) refused++
      else room.leave(peer)
    }
    await settle()
    const room = registry.join('j', new TestPeer('check'))
    await room.settled()
    const stored = await store.load('j')
    const reloaded = docFromStored(stored ?? { snapshot: null, updates: [] })
    expect(Y.equalSnapshots(Y.snapshot(reloaded), Y.snapshot(room.doc))).toBe(true)
    expect(refused).toBeGreaterThan(0)
  })
})
