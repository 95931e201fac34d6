import { describe, expect, it } from 'vitest'
import {
  awarenessFrame,
  createRegistry,
  GatedStore,
  seedJourney,
  settle,
  TestPeer,
} from '../../test/support/rooms.js'
import { CLOSE_CODES } from '../sync/close-codes.js'
import {
  type FanOut,
  type FanOutListener,
  type FanOutMessage,
  type FanOutSubscription,
  LocalFanOut,
} from './fan-out.js'

/** A bus that can lose messages, as Redis pub/sub does while a connection is down. */
class LossyFanOut implements FanOut {
  readonly #bus = new LocalFanOut()
  readonly #listeners = new Set<FanOutListener>()
  dropping = false

  subscribe(journeyId: string, instanceId: string, listener: FanOutListener): FanOutSubscription {
    this.#listeners.add(listener)
    const inner = this.#bus.subscribe(journeyId, instanceId, listener)
    return {
      ready: inner.ready,
      unsubscribe: () => {
        this.#listeners.delete(listener)
        inner.unsubscribe()
      },
    }
  }

  publish(journeyId: string, instanceId: string, message: FanOutMessage): void {
    if (!this.dropping) this.#bus.publish(journeyId, instanceId, message)
  }

  reconnected(): void {
    for (const listener of this.#listeners) listener({ kind: 'resync' })
  }
}

describe('Rooms across instances', () => {
  it('fans updates and awareness out between two registries sharing storage', async () => {
    const store = new GatedStore()
    await seedJourney(store, 'j')
    const fanOut = new LocalFanOut()
    const one = createRegistry(store, { fanOut })
    const two = createRegistry(store, { fanOut })
    const a = new TestPeer('a')
    const b = new TestPeer('b')
    const roomOne = one.join('j', a)
    const roomTwo = two.join('j', b)
    await Promise.all([roomOne.loaded, roomTwo.loaded])
    roomOne.receive(a, a.syncStep1())
    roomTwo.receive(b, b.syncStep1())
    roomOne.receive(
      a,
      a.edit((doc) => doc.getMap('meta').set('title', 'From one')),
    )
    roomTwo.receive(b, awarenessFrame(7, { user: 'b' }))
    await settle()
    expect(b.doc.getMap('meta').get('title')).toBe('From one')
    expect(roomOne.presence.awareness.getStates().get(7)).toEqual({ user: 'b' })
    expect(store.appends).toHaveLength(1)
    await one.deleteJourney('j')
    expect(b.closed?.code).toBe(CLOSE_CODES.journeyDeleted)
  })

  it('catches up from storage on what a lossy bus dropped, without storing it again', async () => {
    const store = new GatedStore()
    await seedJourney(store, 'j')
    const fanOut = new LossyFanOut()
    const one = createRegistry(store, { fanOut })
    const two = createRegistry(store, { fanOut })
    const a = new TestPeer('a')
    const b = new TestPeer('b')
    const roomOne = one.join('j', a)
    const roomTwo = two.join('j', b)
    await Promise.all([roomOne.loaded, roomTwo.loaded])
    roomOne.receive(a, a.syncStep1())
    roomTwo.receive(b, b.syncStep1())
    await settle()

    fanOut.dropping = true
    roomOne.receive(
      a,
      a.edit((doc) => doc.getMap('meta').set('title', 'Sent while the bus was down')),
    )
    await settle()
    expect(b.doc.getMap('meta').get('title')).toBe('j')
    fanOut.dropping = false
    fanOut.reconnected()
    await settle()
    expect(b.doc.getMap('meta').get('title')).toBe('Sent while the bus was down')
    expect(store.appends).toHaveLength(1)

    // A deletion that was dropped is noticed the same way.
    fanOut.dropping = true
    await one.deleteJourney('j')
    expect(b.closed).toBeNull()
    fanOut.reconnected()
    await settle()
    expect(b.closed?.code).toBe(CLOSE_CODES.journeyDeleted)
  })
})
