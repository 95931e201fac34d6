import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connect } from '../mutations/connection-mutations.js'
import { ME, OTHER, sampleDoc } from '../mutations/journey.test-support.js'
import { removeTouchpoints } from '../mutations/remove-touchpoints.js'
import { setEmotion } from '../mutations/touchpoint-mutations.js'
import { updateJourney } from '../mutations/update-journey.js'
import type { JourneyChanges } from './journey-changes.js'
import { mergeChanges, observeJourney } from './observe-journey.js'

const ids = (changes: JourneyChanges | undefined) =>
  changes && {
    touchpoints: [...changes.touchpoints].sort(),
    connections: [...changes.connections],
    personas: [...changes.personas],
    meta: changes.meta,
  }

describe('observeJourney', () => {
  it('reports the changed ids per collection once per transaction', () => {
    const { doc, tps } = sampleDoc()
    const [a = '', b = ''] = tps
    const link = connect(doc, ME, { source: a, target: b })
    const calls: JourneyChanges[] = []
    const stop = observeJourney(doc, (c) => calls.push(c))
    removeTouchpoints(doc, ME, [b])
    expect(calls).toHaveLength(1)
    expect(ids(calls[0])).toEqual({
      touchpoints: [b],
      connections: [link],
      personas: [],
      meta: false,
    })
    expect(calls[0]).toMatchObject({ origin: ME, local: true })
    stop()
  })

  it('reports nested changes (an emotion) as a change of the touchpoint', () => {
    const { doc, tps, personas } = sampleDoc()
    const calls: JourneyChanges[] = []
    observeJourney(doc, (c) => calls.push(c))
    setEmotion(doc, ME, tps[2] ?? '', personas.cfo, -1)
    setEmotion(doc, ME, tps[2] ?? '', personas.cfo, -2)
    expect(calls.map((c) => [...c.touchpoints])).toEqual([[tps[2]], [tps[2]]])
  })

  it('flags meta changes and remote updates', () => {
    const { doc } = sampleDoc()
    const remote = new Y.Doc()
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc))
    const calls: JourneyChanges[] = []
    observeJourney(doc, (c) => calls.push(c))
    updateJourney(remote, OTHER, { title: 'From afar' })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), 'provider')
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ meta: true, local: false, origin: 'provider' })
  })

  it('stops after unsubscribing, and ignores transactions that change nothing', () => {
    const { doc } = sampleDoc()
    const calls: JourneyChanges[] = []
    const stop = observeJourney(doc, (c) => calls.push(c))
    doc.transact(() => undefined, ME)
    stop()
    updateJourney(doc, ME, { title: 'Unheard' })
    expect(calls).toEqual([])
  })

  it('mergeChanges unions several change sets', () => {
    const { doc, tps, personas } = sampleDoc()
    const calls: JourneyChanges[] = []
    observeJourney(doc, (c) => calls.push(c))
    setEmotion(doc, ME, tps[0] ?? '', personas.cfo, 3)
    updateJourney(doc, ME, { goal: 'Trust' })
    const merged = mergeChanges(...calls)
    expect(ids(merged)).toEqual({
      touchpoints: [tps[0]],
      connections: [],
      personas: [],
      meta: true,
    })
  })
})
