import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { isWellFormedStateVector, isWellFormedUpdate } from './yjs-update.js'

describe('update validation', () => {
  const doc = new Y.Doc()
  doc.getMap('meta').set('title', 'A journey with a long enough title')
  doc.getMap('touchpoints').set('t1', new Y.Map())
  const update = Y.encodeStateAsUpdate(doc)

  it('accepts real updates and state vectors', () => {
    expect(isWellFormedUpdate(update)).toBe(true)
    expect(isWellFormedUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true)
    expect(isWellFormedStateVector(Y.encodeStateVector(doc))).toBe(true)
  })

  it('refuses every truncation of an update, and garbage', () => {
    for (let end = 0; end < update.length; end++) {
      expect(isWellFormedUpdate(update.slice(0, end))).toBe(false)
    }
    expect(isWellFormedUpdate(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f]))).toBe(false)
    expect(isWellFormedStateVector(new Uint8Array([5, 1]))).toBe(false)
  })
})
