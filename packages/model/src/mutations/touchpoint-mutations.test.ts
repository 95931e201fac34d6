import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LIMITS } from '../constants.js'
import { collectionMap } from '../doc/layout.js'
import { readJourney } from '../doc/read-journey.js'
import { createItem } from './create-item.js'
import { expectOneUndoStep, ME, OTHER, sampleDoc, stageIdAt } from './journey.test-support.js'
import {
  addTouchpoint,
  moveTouchpoints,
  setEmotion,
  updateTouchpoint,
} from './touchpoint-mutations.js'

const find = (doc: Y.Doc, id: string | undefined) =>
  readJourney(doc).touchpoints.find((t) => t.id === id)

describe('touchpoint mutations', () => {
  it('addTouchpoint adds a card, by default in the first stage', () => {
    const { doc, personas } = sampleDoc()
    const id = expectOneUndoStep(doc, () =>
      addTouchpoint(doc, ME, {
        title: 'Webinar',
        channel: 'webinar',
        emotions: { [personas.user]: 2 },
        painPoints: [createItem('Too long')],
        kpis: [{ name: 'Registrations', target: 200, actual: null, unit: '' }],
      }),
    )
    const tp = find(doc, id)
    expect(tp).toMatchObject({
      title: 'Webinar',
      channel: 'webinar',
      stageId: stageIdAt(readJourney(doc), 0),
      personaIds: [personas.user],
      emotions: { [personas.user]: 2 },
    })
    expect(tp?.painPoints[0]?.text).toBe('Too long')
  })

  it('addTouchpoint refuses unknown stages and personas, and the 5,001st card', () => {
    const { doc } = sampleDoc()
    expect(() => addTouchpoint(doc, ME, { stageId: 'st_none' })).toThrow(
      'stageId: no stage with id "st_none"',
    )
    expect(() => addTouchpoint(doc, ME, { personaIds: ['pe_none'] })).toThrow(
      'personaIds[0]: no persona with id "pe_none"',
    )
    const map = collectionMap(doc, 'touchpoints')
    doc.transact(() => {
      for (let i = map.size; i < LIMITS.touchpoints; i++) map.set(`tp_fill${i}`, new Y.Map())
    })
    expect(() => addTouchpoint(doc, ME, {})).toThrow(
      `touchpoints: a journey holds at most ${LIMITS.touchpoints} touchpoints`,
    )
  })

  it('updateTouchpoint writes only changed fields', () => {
    const { doc, tps, personas } = sampleDoc()
    const id = tps[0] ?? ''
    expectOneUndoStep(doc, () =>
      updateTouchpoint(doc, ME, id, {
        owner: 'Field marketing',
        confidence: 'validated',
        evidence: [{ label: 'Survey', url: 'https://example.com/s' }],
        content: { type: 'case-study', title: 'Story', url: '' },
        intendedEnd: true,
      }),
    )
    expect(find(doc, id)).toMatchObject({
      owner: 'Field marketing',
      confidence: 'validated',
      intendedEnd: true,
    })
    expect(updateTouchpoint(doc, ME, id, { owner: 'Field marketing' })).toBe(false)
    updateTouchpoint(doc, ME, id, { personaIds: [personas.user] })
    expect(find(doc, id)).toMatchObject({ personaIds: [personas.user], emotions: {} })
    expect(() => updateTouchpoint(doc, ME, id, { personaIds: [personas.cfo, 'pe_x'] })).toThrow(
      'personaIds[1]: no persona with id "pe_x"',
    )
  })

  it('concurrent edits of different fields of one card both survive', () => {
    const { doc: a, tps } = sampleDoc()
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const id = tps[1] ?? ''
    updateTouchpoint(a, ME, id, { title: 'Renamed' })
    updateTouchpoint(b, OTHER, id, { owner: 'Sales' })
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    expect(find(a, id)).toMatchObject({ title: 'Renamed', owner: 'Sales' })
  })

  it('moveTouchpoints moves many cards (and changes stage) in one step', () => {
    const { doc, tps } = sampleDoc()
    const target = stageIdAt(readJourney(doc), 4)
    expectOneUndoStep(doc, () =>
      moveTouchpoints(doc, ME, [
        { id: tps[0] ?? '', position: { x: 10, y: 20 } },
        { id: tps[1] ?? '', position: { x: 30, y: 40 }, stageId: target },
      ]),
    )
    expect(find(doc, tps[0])?.position).toEqual({ x: 10, y: 20 })
    expect(find(doc, tps[1])).toMatchObject({ position: { x: 30, y: 40 }, stageId: target })
    const nan = { id: tps[0] ?? '', position: { x: Number.NaN, y: 0 } }
    expect(() => moveTouchpoints(doc, ME, [nan])).toThrow('[0].position.x: must be a number')
  })

  it('setEmotion rates, re-rates and clears, adding the persona to the card', () => {
    const { doc, tps, personas } = sampleDoc()
    const id = tps[0] ?? ''
    expectOneUndoStep(doc, () => setEmotion(doc, ME, id, personas.user, -2))
    expect(find(doc, id)).toMatchObject({
      personaIds: [personas.cfo, personas.user],
      emotions: { [personas.cfo]: 0, [personas.user]: -2 },
    })
    expect(setEmotion(doc, ME, id, personas.user, -2)).toBe(false)
    setEmotion(doc, ME, id, personas.user, null)
    expect(find(doc, id)?.emotions).toEqual({ [personas.cfo]: 0 })
    expect(() => setEmotion(doc, ME, id, personas.user, 4)).toThrow('must be at most 3')
    expect(() => setEmotion(doc, ME, id, personas.user, 1.5)).toThrow('must be a whole number')
  })

  it('concurrent ratings by two people for different personas both survive', () => {
    const { doc: a, tps, personas } = sampleDoc()
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const id = tps[2] ?? ''
    setEmotion(a, ME, id, personas.cfo, -3)
    setEmotion(b, OTHER, id, personas.user, 3)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(find(a, id)?.emotions).toEqual({ [personas.cfo]: -3, [personas.user]: 3 })
    expect(readJourney(a)).toEqual(readJourney(b))
  })
})
