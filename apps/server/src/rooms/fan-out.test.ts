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
import { LocalFanOut } from './fan-out.js'

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
})
