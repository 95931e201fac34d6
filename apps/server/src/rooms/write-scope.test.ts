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

  it('refuses crafted updates that would reach beyond comments, now or later', () => {
    const editor = 1000
    const room = craftedRoom(editor)
    const next = Y.getState(room.store, editor)
    const notes = ((room.getMap('touchpoints').get('t1') as Y.Map<unknown>).get('notes') as Y.Text)
      ._start?.id
    if (!notes) throw new Error('the notes have text')
    const crafted = [
      // Starts inside the editor's last clocks: Yjs would integrate it from an offset, next to
      // the journey's title, and delete that.
      encodeBlocks([
        [item(editor, next - 1, { parent: 'comments', parentSub: 'x', content: anyOf(2) })],
      ]),
      // Claims clocks the room has as a comment, then hangs text off one of them: Yjs finds
      // that neighbour in the room, inside a touchpoint's notes.
      encodeBlocks([
        [
          item(editor, notes.clock, {
            parent: 'comments',
            parentSub: 'y',
            content: anyOf(next - notes.clock + 1),
          }),
        ],
        [
          item(666, 0, {
            origin: Y.createID(editor, notes.clock + 1),
            content: new Y.ContentString('HACKED'),
          }),
        ],
      ]),
      // The same through garbage covering those clocks.
      encodeBlocks([
        [new Y.GC(Y.createID(editor, 0), next + 1)],
        [
          item(667, 0, {
            origin: Y.createID(editor, notes.clock + 1),
            content: new Y.ContentString('HACKED'),
          }),
        ],
      ]),
      // Past the room's state: it would wait, unchecked, for the editor's next edit.
      encodeBlocks([
        [item(editor, next + 1, { parent: 'comments', content: new Y.ContentString('later') })],
      ]),
      // Two blocks for one client: Yjs applies only the last, which starts past the room's
      // state, behind a harmless first one that reading the update sees too.
      encodeBlocks([
        [item(editor, next, { parent: 'comments', parentSub: 'x', content: anyOf(1) })],
        [
          item(editor, next + 1, {
            origin: Y.createID(editor, next),
            content: new Y.ContentString('later'),
          }),
        ],
      ]),
      // The same with deletions of the editor's next clocks, which would wait for them.
      encodeBlocks(
        [
          [item(editor, next, { parent: 'comments', parentSub: 'x', content: anyOf(10) })],
          [new Y.GC(Y.createID(editor, 0), 1)],
        ],
        [{ client: editor, clock: next, len: 10 }],
      ),
    ]
    const state = Y.encodeStateAsUpdate(room)
    for (const update of crafted) expect(changesOnlyComments(state, update)).toBe(false)
    // Built the same way, a comment that continues the room's state is accepted.
    const fine = encodeBlocks([
      [item(668, 0, { parent: 'comments', parentSub: 'c9', content: anyOf(1) })],
    ])
    expect(changesOnlyComments(state, fine)).toBe(true)
  })
})

/** A room whose journey was written by one editor (client `editor`), its title last. */
function craftedRoom(editor: number): Y.Doc {
  const source = new Y.Doc()
  source.clientID = editor
  source.transact(() => {
    const comment = new Y.Map<unknown>()
    comment.set('body', 'First')
    source.getMap('comments').set('c1', comment)
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

/**
 * Encodes hand-made blocks of structs (each one client's, in clock order) and deletions,
 * as a malicious client could: nothing stops it from giving one client several blocks.
 */
function encodeBlocks(
  blocks: readonly (readonly (Y.Item | Y.GC)[])[],
  deletions: readonly { client: number; clock: number; len: number }[] = [],
): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, blocks.length)
  for (const block of blocks) {
    const [first] = block
    if (!first) throw new Error('a block has structs')
    encoding.writeVarUint(encoder.restEncoder, block.length)
    encoder.writeClient(first.id.client)
    encoding.writeVarUint(encoder.restEncoder, first.id.clock)
    for (const struct of block) struct.write(encoder, 0)
  }
  encoding.writeVarUint(encoder.restEncoder, deletions.length)
  for (const { client, clock, len } of deletions) {
    encoding.writeVarUint(encoder.restEncoder, client)
    encoding.writeVarUint(encoder.restEncoder, 1)
    encoding.writeVarUint(encoder.restEncoder, clock)
    encoding.writeVarUint(encoder.restEncoder, len)
  }
  return encoder.toUint8Array()
}
