import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { changesOnlyComments } from './write-scope.js'

function journey(): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => {
    doc.getMap('meta').set('title', 'Journey')
    const touchpoint = new Y.Map<unknown>()
    touchpoint.set('title', 'Webinar')
    doc.getMap('touchpoints').set('t1', touchpoint)
    const comment = new Y.Map<unknown>()
    comment.set('body', 'First')
    doc.getMap('comments').set('c1', comment)
  })
  return doc
}

/** An edit made by another client that starts from `doc`'s state. */
function editOf(doc: Y.Doc, change: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const before = Y.encodeStateVector(copy)
  change(copy)
  return Y.encodeStateAsUpdate(copy, before)
}

describe('changesOnlyComments', () => {
  const doc = journey()
  const state = Y.encodeStateAsUpdate(doc)

  it('accepts new comments, edits to comments, votes and deleting comments', () => {
    const comment = new Y.Map<unknown>()
    comment.set('body', 'Second')
    expect(
      changesOnlyComments(
        state,
        editOf(doc, (d) => d.getMap('comments').set('c2', comment)),
      ),
    ).toBe(true)
    expect(
      changesOnlyComments(
        state,
        editOf(doc, (d) =>
          (d.getMap('comments').get('c1') as Y.Map<unknown>).set('resolved', true),
        ),
      ),
    ).toBe(true)
    expect(
      changesOnlyComments(
        state,
        editOf(doc, (d) => d.getMap('votes').set('v1', 1)),
      ),
    ).toBe(true)
    expect(
      changesOnlyComments(
        state,
        editOf(doc, (d) => d.getMap('comments').delete('c1')),
      ),
    ).toBe(true)
  })

  it('refuses anything touching the rest of the journey, even mixed with a comment', () => {
    const cases = [
      (d: Y.Doc) => d.getMap('meta').set('title', 'Hijacked'),
      (d: Y.Doc) => (d.getMap('touchpoints').get('t1') as Y.Map<unknown>).set('title', 'Changed'),
      (d: Y.Doc) => d.getMap('touchpoints').delete('t1'),
      (d: Y.Doc) => d.getArray('somewhere-else').push([1]),
      (d: Y.Doc) => {
        d.getMap('comments').set('c3', 'fine')
        d.getMap('stages').set('s9', 'not fine')
      },
    ]
    for (const change of cases) expect(changesOnlyComments(state, editOf(doc, change))).toBe(false)
  })

  it('refuses updates that depend on changes the room has not seen', () => {
    const ahead = new Y.Doc()
    Y.applyUpdate(ahead, state)
    ahead.getMap('touchpoints').set('t2', 'unseen')
    const before = Y.encodeStateVector(ahead)
    ahead.getMap('comments').set('c9', 'depends on t2')
    ahead.getMap('touchpoints').delete('t2')
    expect(changesOnlyComments(state, Y.encodeStateAsUpdate(ahead, before))).toBe(false)
  })
})
