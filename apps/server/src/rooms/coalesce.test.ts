import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { decodeMessage } from '../protocol/index.js'
import { framesFor } from './coalesce.js'
import type { Peer } from './peer.js'

function peer(label: string): Peer {
  return { label, access: 'write', send: () => {}, close: () => {} }
}

function update(key: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('m').set(key, key)
  return Y.encodeStateAsUpdate(doc)
}

function keysIn(frame: Uint8Array | undefined): string[] {
  if (frame === undefined) return []
  const message = decodeMessage(frame)
  if (message.type !== 'update') throw new Error(`unexpected ${message.type}`)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, message.update)
  return [...doc.getMap('m').keys()].sort()
}

describe('framesFor', () => {
  it('merges a batch into one frame per recipient, leaving out each sender’s own updates', () => {
    const [a, b, c] = [peer('a'), peer('b'), peer('c')]
    const batch = [
      { update: update('a1'), origin: a },
      { update: update('b1'), origin: b },
      { update: update('a2'), origin: a },
      { update: update('server'), origin: null },
    ]
    const frames = framesFor(batch, [a, b, c])
    expect(keysIn(frames.get(a))).toEqual(['b1', 'server'])
    expect(keysIn(frames.get(b))).toEqual(['a1', 'a2', 'server'])
    expect(keysIn(frames.get(c))).toEqual(['a1', 'a2', 'b1', 'server'])
  })

  it('sends nothing back to a lone sender', () => {
    const a = peer('a')
    const b = peer('b')
    const frames = framesFor([{ update: update('x'), origin: a }], [a, b])
    expect(frames.has(a)).toBe(false)
    expect(keysIn(frames.get(b))).toEqual(['x'])
  })
})
