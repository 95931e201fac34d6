import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LiveDigest } from './live-digest.js'

describe('LiveDigest', () => {
  it('follows title and entity counts, and reuses its digest while only nested values change', () => {
    const doc = new Y.Doc()
    const digest = new LiveDigest(doc)
    expect(digest.get()).toEqual({
      title: '',
      counts: { personas: 0, stages: 0, touchpoints: 0, connections: 0 },
    })

    const card = new Y.Map<unknown>()
    doc.transact(() => {
      doc.getMap('meta').set('title', 'Launch')
      doc.getMap('touchpoints').set('t1', card)
      doc.getMap('stages').set('s1', new Y.Map())
    })
    const afterAdd = digest.get()
    expect(afterAdd).toEqual({
      title: 'Launch',
      counts: { personas: 0, stages: 1, touchpoints: 1, connections: 0 },
    })

    card.set('position', { x: 1, y: 2 })
    expect(digest.get()).toBe(afterAdd)

    doc.getMap('touchpoints').delete('t1')
    expect(digest.get().counts.touchpoints).toBe(0)
    doc.getMap('meta').set('title', 'Renamed')
    expect(digest.get().title).toBe('Renamed')
  })
})
