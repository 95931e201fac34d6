import { seededRandom } from '@touchline/model'
import * as encoding from 'lib0/encoding'
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

  it('refuses crafted structs that overlap what the room has or start past it', () => {
    const editor = 1000
    const room = craftedRoom(editor)
    const state = Y.getState(room.store, editor)
    const notes = ((room.getMap('touchpoints').get('t1') as Y.Map<unknown>).get('notes') as Y.Text)
      ._start?.id
    if (!notes) throw new Error('the notes have text')
    const crafted = [
      // Starts inside the editor's last clocks: Yjs would integrate it from an offset, next to
      // the journey's title, and delete that.
      [item(editor, state - 1, { parent: 'comments', parentSub: 'x', content: anyOf(2) })],
      // Claims clocks the room has as a comment, then hangs text off one of them: Yjs finds
      // that neighbour in the room, inside a touchpoint's notes.
      [
        item(editor, notes.clock, {
          parent: 'comments',
          parentSub: 'y',
          content: anyOf(state - notes.clock + 1),
        }),
        item(666, 0, {
          origin: Y.createID(editor, notes.clock + 1),
          content: new Y.ContentString('HACKED'),
        }),
      ],
      // The same through garbage covering those clocks.
      [
        new Y.GC(Y.createID(editor, 0), state + 1),
        item(667, 0, {
          origin: Y.createID(editor, notes.clock + 1),
          content: new Y.ContentString('HACKED'),
        }),
      ],
      // Past the room's state: it would wait, unchecked, for the editor's next edit.
      [item(editor, state + 1, { parent: 'comments', content: new Y.ContentString('later') })],
    ]
    for (const structs of crafted) {
      const update = encodeStructs(structs)
      expect(changesOnlyComments(room, update)).toBe(false)
      expect(changesOnlyCommentsOnACopy(Y.encodeStateAsUpdate(room), update)).toBe(false)
    }
    // Built the same way, a comment that continues the room's state is accepted.
    const fine = encodeStructs([
      item(668, 0, { parent: 'comments', parentSub: 'c9', content: anyOf(1) }),
    ])
    expect(changesOnlyComments(room, fine)).toBe(true)
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

/** A room whose journey was written by one editor (client `editor`), its title last. */
function craftedRoom(editor: number): Y.Doc {
  const source = new Y.Doc()
  source.clientID = editor
  source.transact(() => {
    source.getMap('comments').set('c1', newComment('First'))
    const touchpoint = new Y.Map<unknown>()
    touchpoint.set('title', 'Webinar')
    touchpoint.set('notes', new Y.Text('notes'))
    source.getMap('touchpoints').set('t1', touchpoint)
    source.getMap('meta').set('title', 'Journey')
  })
  const room = new Y.Doc()
  Y.applyUpdate(room, Y.encodeStateAsUpdate(source))
  return room
}

const anyOf = (length: number) => new Y.ContentAny(new Array<number>(length).fill(0))

type Placement = {
  origin?: Y.ID
  parent?: string
  parentSub?: string
  content: Y.ContentAny | Y.ContentString
}

/** An item as a malicious client could write it, with whatever references it likes. */
function item(client: number, clock: number, placement: Placement): Y.Item {
  const { origin = null, parent = null, parentSub = null, content } = placement
  // Yjs reads a root's name as the parent of an item without neighbours.
  const rootName = parent as unknown as Y.AbstractType<unknown> | null
  return new Y.Item(
    Y.createID(client, clock),
    null,
    origin,
    null,
    null,
    rootName,
    parentSub,
    content,
  )
}

/** Encodes hand-made structs (each client's in clock order) with no deletions. */
function encodeStructs(structs: readonly (Y.Item | Y.GC)[]): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  const byClient = new Map<number, (Y.Item | Y.GC)[]>()
  for (const struct of structs) {
    const list = byClient.get(struct.id.client) ?? []
    list.push(struct)
    byClient.set(struct.id.client, list)
  }
  encoding.writeVarUint(encoder.restEncoder, byClient.size)
  for (const [client, list] of [...byClient].sort(([a], [b]) => b - a)) {
    encoding.writeVarUint(encoder.restEncoder, list.length)
    encoder.writeClient(client)
    encoding.writeVarUint(encoder.restEncoder, list[0]?.id.clock ?? 0)
    for (const struct of list) struct.write(encoder, 0)
  }
  encoding.writeVarUint(encoder.restEncoder, 0)
  return encoder.toUint8Array()
}
