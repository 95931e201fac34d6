import { describe, expect, it } from 'vitest'
import { awarenessFrame, liveRoom, TestPeer } from '../../test/support/rooms.js'

describe('Room awareness', () => {
  it('relays awareness, protects each client id and removes a leaver for everyone', async () => {
    const a = new TestPeer('a')
    const b = new TestPeer('b')
    const { registry, room } = await liveRoom([a, b])

    room.receive(a, awarenessFrame(100, { user: 'a' }))
    expect(b.of('awareness')).toHaveLength(1)
    expect(room.presence.awareness.getStates().get(100)).toEqual({ user: 'a' })

    // b may neither overwrite nor remove a's client id.
    room.receive(b, awarenessFrame(100, { user: 'impostor' }, 2))
    room.receive(b, awarenessFrame(100, null, 3))
    expect(room.presence.awareness.getStates().get(100)).toEqual({ user: 'a' })

    // Oversized states are dropped.
    room.receive(b, awarenessFrame(200, { big: 'x'.repeat(2_000) }))
    expect(room.presence.awareness.getStates().has(200)).toBe(false)
    room.receive(b, awarenessFrame(200, { user: 'b' }))
    expect(a.of('awareness')).toHaveLength(2)
    expect(room.presence.awareness.getStates().get(200)).toEqual({ user: 'b' })

    // One connection may speak for a few client ids, not for an unbounded crowd.
    for (let id = 201; id <= 205; id++) room.receive(b, awarenessFrame(id, { user: 'b' }))
    const states = room.presence.awareness.getStates()
    expect([201, 202, 203, 204, 205].map((id) => states.has(id))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ])

    const late = new TestPeer('late')
    registry.join('j', late)
    expect(late.of('awareness')).toHaveLength(1)

    room.leave(a)
    expect(room.presence.awareness.getStates().has(100)).toBe(false)
    expect(b.of('awareness').length).toBeGreaterThanOrEqual(2)
    expect(late.of('awareness')).toHaveLength(2)
  })
})
