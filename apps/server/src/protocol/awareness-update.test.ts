import { describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  concatAwarenessUpdates,
  decodeAwarenessUpdate,
  encodeAwarenessUpdate,
  isRemoval,
} from './awareness-update.js'
import { ProtocolError } from './messages.js'

describe('awareness updates', () => {
  it('reads what y-protocols writes and writes what it reads', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc())
    awareness.setLocalState({ user: { name: 'Ada' }, cursor: { x: 1, y: 2 } })
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID])
    const entries = decodeAwarenessUpdate(update)
    expect(entries).toEqual([
      {
        clientId: awareness.clientID,
        clock: 1,
        json: JSON.stringify({ user: { name: 'Ada' }, cursor: { x: 1, y: 2 } }),
      },
    ])
    expect(isRemoval(entries[0] ?? { clientId: 0, clock: 0, json: '' })).toBe(false)
    expect(encodeAwarenessUpdate(entries)).toEqual(update)

    const other = new awarenessProtocol.Awareness(new Y.Doc())
    awarenessProtocol.applyAwarenessUpdate(other, encodeAwarenessUpdate(entries), 'test')
    expect(other.getStates().get(awareness.clientID)).toEqual(awareness.getLocalState())
    awareness.destroy()
    other.destroy()
  })

  it('recognises removals', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc())
    awareness.setLocalState(null)
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID])
    const [entry] = decodeAwarenessUpdate(update)
    expect(entry && isRemoval(entry)).toBe(true)
    awareness.destroy()
    const spaced = decodeAwarenessUpdate(
      encodeAwarenessUpdate([{ clientId: 5, clock: 2, json: ' null ' }]),
    )
    expect(spaced.map(isRemoval)).toEqual([true])
  })

  it('refuses truncated updates, bad JSON, states that are not objects and trailing bytes', () => {
    const state = (json: string) => encodeAwarenessUpdate([{ clientId: 5, clock: 2, json }])
    const good = state('{"a":1}')
    const hostile = [good.slice(0, -1), state('{"a":'), new Uint8Array([...good, 1])]
    for (const json of ['5', '"text"', '[1]', 'true']) hostile.push(state(json))
    for (const bytes of hostile) {
      expect(() => decodeAwarenessUpdate(bytes)).toThrow(ProtocolError)
    }
  })

  it('joins updates into one whose entries a stock awareness applies in order', () => {
    const first = encodeAwarenessUpdate([
      { clientId: 1, clock: 1, json: '{"cursor":1}' },
      { clientId: 2, clock: 4, json: '{"cursor":2}' },
    ])
    const second = encodeAwarenessUpdate([{ clientId: 1, clock: 2, json: '{"cursor":3}' }])
    const joined = concatAwarenessUpdates([first, second])
    expect(decodeAwarenessUpdate(joined).map((entry) => [entry.clientId, entry.clock])).toEqual([
      [1, 1],
      [2, 4],
      [1, 2],
    ])
    const awareness = new awarenessProtocol.Awareness(new Y.Doc())
    awarenessProtocol.applyAwarenessUpdate(awareness, joined, 'test')
    expect(awareness.getStates().get(1)).toEqual({ cursor: 3 })
    expect(awareness.getStates().get(2)).toEqual({ cursor: 2 })
    awareness.destroy()
  })
})
