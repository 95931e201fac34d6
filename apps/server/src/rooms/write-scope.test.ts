import { seededRandom } from '@touchline/model'
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

  it('accepts new comments, edits to comments, votes and deleting comments', () => {
    const comment = new Y.Map<unknown>()
    comment.set('body', 'Second')
    expect(
      changesOnlyComments(
        doc,
        editOf(doc, (d) => d.getMap('comments').set('c2', comment)),
      ),
    ).toBe(true)
    expect(
      changesOnlyComments(
        doc,
        editOf(doc, (d) =>
          (d.getMap('comments').get('c1') as Y.Map<unknown>).set('resolved', true),
        ),
      ),
    ).toBe(true)
    expect(
      changesOnlyComments(
        doc,
        editOf(doc, (d) => d.getMap('votes').set('v1', 1)),
      ),
    ).toBe(true)
    expect(
      changesOnlyComments(
        doc,
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
    for (const change of cases) expect(changesOnlyComments(doc, editOf(doc, change))).toBe(false)
  })

  it('refuses updates that depend on changes the room has not seen', () => {
    const ahead = new Y.Doc()
    Y.applyUpdate(ahead, Y.encodeStateAsUpdate(doc))
    ahead.getMap('touchpoints').set('t2', 'unseen')
    const before = Y.encodeStateVector(ahead)
    ahead.getMap('comments').set('c9', 'depends on t2')
    ahead.getMap('touchpoints').delete('t2')
    expect(changesOnlyComments(doc, Y.encodeStateAsUpdate(ahead, before))).toBe(false)
  })
  it('refuses deleting what the room has not seen, and accepts deleting only new comments', () => {
    const ahead = new Y.Doc()
    Y.applyUpdate(ahead, Y.encodeStateAsUpdate(doc))
    const before = Y.encodeStateVector(ahead)
    ahead.getMap('comments').set('c4', 'new')
    ahead.getMap('comments').delete('c4')
    expect(changesOnlyComments(doc, Y.encodeStateAsUpdate(ahead, before))).toBe(true)
    // The deletion alone, without the comment it removes: it cannot be placed.
    const deletionOnly = Y.encodeStateAsUpdate(ahead, Y.encodeStateVector(ahead))
    expect(Y.decodeUpdate(deletionOnly).ds.clients.size).toBeGreaterThan(0)
    expect(changesOnlyComments(doc, deletionOnly)).toBe(false)
  })

  it('agrees with applying the update to a copy, on random edits of a workshop', () => {
    const random = seededRandom(2026)
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
    const base = workshop()
    const edits: Array<(d: Y.Doc) => void> = [
      (d) => d.getMap('comments').set(`c${Math.floor(random() * 50)}`, newComment('hi')),
      (d) => commentIn(d, pick)?.set('body', `edited ${random()}`),
      (d) => (commentIn(d, pick)?.get('text') as Y.Text | undefined)?.insert(0, 'more '),
      (d) => d.getMap('comments').delete(pick([...d.getMap('comments').keys()]) ?? 'none'),
      (d) => d.getMap('votes').set(`v${Math.floor(random() * 50)}`, Math.floor(random() * 3)),
      (d) => d.getMap('votes').delete(pick([...d.getMap('votes').keys()]) ?? 'none'),
      (d) => touchpointIn(d, pick)?.set('title', `moved ${random()}`),
      (d) => touchpointIn(d, pick)?.set('position', { x: random(), y: random() }),
      (d) => d.getMap('touchpoints').delete(pick([...d.getMap('touchpoints').keys()]) ?? 'none'),
      (d) => d.getMap('meta').set('title', `renamed ${random()}`),
      (d) => (touchpointIn(d, pick)?.get('notes') as Y.Text | undefined)?.insert(0, 'note '),
    ]
    let accepted = 0
    let refused = 0
    // Edits are made on the room's state as it was a few rounds ago as well: concurrent
    // edits, whose neighbours may have been deleted and collected meanwhile.
    const past: Uint8Array[] = []
    for (let round = 0; round < 400; round++) {
      past.push(Y.encodeStateAsUpdate(base))
      const from = new Y.Doc()
      Y.applyUpdate(from, random() < 0.3 ? pick(past.slice(-8)) : Y.encodeStateAsUpdate(base))
      const update = editOf(from, (d) => {
        const count = 1 + Math.floor(random() * 3)
        for (let i = 0; i < count; i++) pick(edits)(d)
      })
      const expected = changesOnlyCommentsOnACopy(Y.encodeStateAsUpdate(base), update)
      expect(changesOnlyComments(base, update)).toBe(expected)
      if (expected) accepted++
      else refused++
      // The room moves on: editors' changes land too, so later edits build on a longer history.
      if (expected || random() < 0.5) Y.applyUpdate(base, update)
    }
    expect(accepted).toBeGreaterThan(50)
    expect(refused).toBeGreaterThan(50)
  })
})

/** A journey with touchpoints (with notes), comments (with text) and votes. */
function workshop(): Y.Doc {
  const doc = journey()
  doc.transact(() => {
    for (let i = 0; i < 10; i++) {
      const touchpoint = new Y.Map<unknown>()
      touchpoint.set('title', `Touchpoint ${i}`)
      touchpoint.set('notes', new Y.Text('notes'))
      doc.getMap('touchpoints').set(`t${i}`, touchpoint)
      doc.getMap('comments').set(`c${i}`, newComment(`Comment ${i}`))
      doc.getMap('votes').set(`v${i}`, 1)
    }
  })
  return doc
}

function newComment(body: string): Y.Map<unknown> {
  const comment = new Y.Map<unknown>()
  comment.set('body', body)
  comment.set('text', new Y.Text(body))
  return comment
}

function commentIn(doc: Y.Doc, pick: <T>(items: readonly T[]) => T): Y.Map<unknown> | undefined {
  const value = doc.getMap('comments').get(pick([...doc.getMap('comments').keys()]) ?? 'none')
  return value instanceof Y.Map ? value : undefined
}

function touchpointIn(doc: Y.Doc, pick: <T>(items: readonly T[]) => T): Y.Map<unknown> | undefined {
  const value = doc.getMap('touchpoints').get(pick([...doc.getMap('touchpoints').keys()]) ?? 'none')
  return value instanceof Y.Map ? value : undefined
}

/**
 * The reference answer: apply the update to a copy of the document and see which top-level
 * maps changed. Too costly for a room (a copy per update), exact for a test.
 */
function changesOnlyCommentsOnACopy(state: Uint8Array, update: Uint8Array): boolean {
  const probe = new Y.Doc()
  Y.applyUpdate(probe, state)
  let allowed = true
  probe.on('afterTransaction', (transaction: Y.Transaction) => {
    for (const type of transaction.changed.keys()) {
      let root = type
      while (root.parent !== null) root = root.parent
      if (!['comments', 'votes'].includes(Y.findRootTypeKey(root))) allowed = false
    }
  })
  Y.applyUpdate(probe, update)
  if (probe.store.pendingStructs !== null || probe.store.pendingDs !== null) allowed = false
  probe.destroy()
  return allowed
}
