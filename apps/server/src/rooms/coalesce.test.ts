import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mergeBatch, soleOrigin } from './coalesce.js'

function update(key: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('m').set(key, key)
  return Y.encodeStateAsUpdate(doc)
}

function keysIn(merged: Uint8Array): string[] {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, merged)
  return [...doc.getMap('m').keys()].sort()
}

describe('soleOrigin', () => {
  it('names the origin only when every entry shares it', () => {
    const a = { label: 'a' }
    const b = { label: 'b' }
    expect(soleOrigin([{ origin: a }, { origin: a }])).toBe(a)
    expect(soleOrigin([{ origin: a }, { origin: b }, { origin: a }])).toBeUndefined()
    expect(soleOrigin([{ origin: null }])).toBeNull()
    expect(soleOrigin([])).toBeUndefined()
  })
})

describe('mergeBatch', () => {
  it('hands a single update on as it is and merges several into one', () => {
    const single = update('x')
    expect(mergeBatch([single])).toBe(single)
    expect(keysIn(mergeBatch([update('a'), update('b'), update('c')]))).toEqual(['a', 'b', 'c'])
  })
})
