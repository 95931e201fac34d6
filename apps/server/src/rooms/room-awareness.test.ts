import { afterEach, describe, expect, it, vi } from 'vitest'
import { awarenessFrame, liveRoom, settle, TestPeer } from '../../test/support/rooms.js'
import { decodeAwarenessUpdate } from '../protocol/index.js'

/** The client ids and clocks of every awareness frame `peer` received, frame by frame. */
function presenceFrames(peer: TestPeer): [number, number][][] {
  return peer.of('awareness').map((message) => {
    if (message.type !== 'awareness') throw new Error('not awareness')
    return decodeAwarenessUpdate(message.update).map((entry) => [entry.clientId, entry.clock])
  })
}

describe('Room awareness', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('relays awareness, protects each client id and removes a leaver for everyone', async () => {
    const a = new TestPeer('a')
    const b = new TestPeer('b')
    const { registry, room } = await liveRoom([a, b])

    room.receive(a, awarenessFrame(100, { user: 'a' }))
    await settle()
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
    await settle()
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
    await settle()

    const late = new TestPeer('late')
    registry.join('j', late)
    expect(late.of('awareness')).toHaveLength(1)

    room.leave(a)
    expect(room.presence.awareness.getStates().has(100)).toBe(false)
    await settle()
    const removal = b.of('awareness').at(-1)
    if (removal?.type !== 'awareness') throw new Error('no removal sent')
    expect(decodeAwarenessUpdate(removal.update)).toEqual([
      { clientId: 100, clock: 1, json: 'null' },
    ])
    expect(late.of('awareness')).toHaveLength(2)
  })

  it('sends the changes of one turn as one frame that every client shares', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((label) => new TestPeer(label)) as [
      TestPeer,
      TestPeer,
      TestPeer,
    ]
    const { room } = await liveRoom([a, b, c])
    room.receive(a, awarenessFrame(1, { cursor: 1 }))
    room.receive(b, awarenessFrame(2, { cursor: 2 }))
    room.receive(a, awarenessFrame(1, { cursor: 3 }, 2))
    expect(c.of('awareness')).toHaveLength(0)
    await settle()
    for (const peer of [a, b, c]) {
      expect(presenceFrames(peer)).toEqual([
        [
          [1, 1],
          [2, 1],
          [1, 2],
        ],
      ])
    }
    expect(room.presence.awareness.getStates().get(1)).toEqual({ cursor: 3 })
  })

  it('sends a lone mover its own change back only after 5 s without presence', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const a = new TestPeer('a')
    const b = new TestPeer('b')
    const { room } = await liveRoom([a, b])

    // The first change reaches its sender too: it has never been sent presence.
    room.receive(a, awarenessFrame(1, { cursor: 1 }))
    await settle()
    expect(presenceFrames(a)).toHaveLength(1)
    expect(presenceFrames(b)).toHaveLength(1)

    vi.advanceTimersByTime(4_000)
    room.receive(a, awarenessFrame(1, { cursor: 2 }, 2))
    await settle()
    expect(presenceFrames(a)).toHaveLength(1)
    expect(presenceFrames(b)).toHaveLength(2)

    vi.advanceTimersByTime(1_500)
    room.receive(a, awarenessFrame(1, { cursor: 3 }, 3))
    await settle()
    expect(presenceFrames(a)).toEqual([[[1, 1]], [[1, 3]]])
    expect(presenceFrames(b)).toHaveLength(3)
  })
})
