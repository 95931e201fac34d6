import { describe, expect, it } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { readPeers } from './peers'

describe('readPeers', () => {
  it('lists other people with their cursor and selection, and skips this client and junk', () => {
    const mine = new Awareness(new Y.Doc())
    const theirs = new Awareness(new Y.Doc())
    const broken = new Awareness(new Y.Doc())
    mine.setLocalState({ user: { name: 'Me', color: '#000000' } })
    theirs.setLocalState({
      user: { id: 'p-ada', name: 'Ada', color: '#4f46e5' },
      cursor: { x: 10, y: 20 },
      selection: ['tp1', 7],
    })
    broken.setLocalState({ user: 'nobody' })
    const states = mine.getStates()
    states.set(theirs.clientID, theirs.getLocalState() ?? {})
    states.set(broken.clientID, broken.getLocalState() ?? {})

    expect(readPeers(mine)).toEqual([
      {
        clientId: theirs.clientID,
        id: 'p-ada',
        name: 'Ada',
        color: '#4f46e5',
        cursor: { x: 10, y: 20 },
        selection: ['tp1'],
      },
    ])
    mine.destroy()
    theirs.destroy()
    broken.destroy()
  })
})
