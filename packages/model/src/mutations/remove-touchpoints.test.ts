import { describe, expect, it } from 'vitest'
import { collectionMap } from '../doc/layout.js'
import { readJourney } from '../doc/read-journey.js'
import { connect } from './connection-mutations.js'
import { createItem } from './create-item.js'
import { duplicateTouchpoints } from './duplicate-touchpoints.js'
import { expectOneUndoStep, ME, sampleDoc } from './journey.test-support.js'
import { removeElements } from './remove-elements.js'
import { removeTouchpoints } from './remove-touchpoints.js'
import { moveTouchpoints, updateTouchpoint } from './touchpoint-mutations.js'

describe('removeTouchpoints', () => {
  it('removes cards with their connections, in one step', () => {
    const { doc, tps } = sampleDoc()
    const [a = '', b = '', c = ''] = tps
    connect(doc, ME, { source: a, target: b })
    const kept = connect(doc, ME, { source: a, target: c })
    expect(expectOneUndoStep(doc, () => removeTouchpoints(doc, ME, [b, 'tp_none']))).toBe(1)
    const journey = readJourney(doc)
    expect(journey.touchpoints.map((t) => t.id)).toEqual([a, c])
    expect(journey.connections.map((x) => x.id)).toEqual([kept])
  })
})

describe('duplicateTouchpoints', () => {
  it('copies cards offset, with the connections between them, fresh item ids and no priority', () => {
    const { doc, tps } = sampleDoc()
    const [a = '', b = '', c = ''] = tps
    const priority = { sessionId: 'vs_1', rank: 1, votes: 4 }
    updateTouchpoint(doc, ME, a, { painPoints: [{ ...createItem('Slow'), priority }], priority })
    connect(doc, ME, { source: a, target: b, kind: 'handoff' })
    connect(doc, ME, { source: b, target: c })
    const copies = expectOneUndoStep(doc, () => duplicateTouchpoints(doc, ME, [a, b]))
    const journey = readJourney(doc)
    const original = journey.touchpoints.find((t) => t.id === a)
    const copy = journey.touchpoints.find((t) => t.id === copies.get(a))
    expect(copy).toMatchObject({ title: original?.title, position: { x: 40, y: 40 } })
    expect(copy?.painPoints[0]?.text).toBe('Slow')
    expect(copy?.painPoints[0]?.id).not.toBe(original?.painPoints[0]?.id)
    expect(original?.priority).toEqual(priority)
    expect(copy?.priority).toBeNull()
    expect(copy?.painPoints[0]?.priority).toBeNull()
    expect(journey.connections).toHaveLength(3)
    expect(journey.connections).toContainEqual(
      expect.objectContaining({ source: copies.get(a), target: copies.get(b), kind: 'handoff' }),
    )
  })
})

describe('duplicateTouchpoints at the edges', () => {
  it('keeps a copy of a card at the canvas edge on the canvas, and copies only valid fields', () => {
    const { doc, tps } = sampleDoc()
    const [a = '', b = ''] = tps
    moveTouchpoints(doc, ME, [{ id: a, position: { x: 1e7, y: -1e7 } }])
    const link = connect(doc, ME, { source: a, target: b, label: 'Next' })
    collectionMap(doc, 'connections').get(link)?.set('writtenByAnotherTool', 1)
    const copies = expectOneUndoStep(doc, () =>
      duplicateTouchpoints(doc, ME, [a, b], { x: 40, y: -40 }),
    )
    const journey = readJourney(doc)
    expect(journey.touchpoints.find((t) => t.id === copies.get(a))?.position).toEqual({
      x: 1e7,
      y: -1e7,
    })
    const copied = [...collectionMap(doc, 'connections').values()].find(
      (c) => c.get('source') === copies.get(a),
    )
    expect(copied?.toJSON()).toMatchObject({ target: copies.get(b), label: 'Next' })
    expect(copied?.has('writtenByAnotherTool')).toBe(false)
  })
})

describe('removeElements', () => {
  it('deletes a mixed selection as one step, keeping the last stage', () => {
    const { doc, tps, personas } = sampleDoc()
    const [a = '', b = '', c = ''] = tps
    const link = connect(doc, ME, { source: b, target: c })
    const stages = readJourney(doc).stages.map((s) => s.id)
    expectOneUndoStep(doc, () =>
      removeElements(doc, ME, {
        touchpoints: [a],
        connections: [link],
        personas: [personas.user],
        stages,
      }),
    )
    const journey = readJourney(doc)
    expect(journey.touchpoints.map((t) => t.id)).toEqual([b, c])
    expect(journey.connections).toEqual([])
    expect(journey.personas.map((p) => p.id)).toEqual([personas.cfo])
    expect(journey.stages.map((s) => s.id)).toEqual([stages.at(-1)])
    expect(journey.touchpoints.every((t) => t.stageId === stages.at(-1))).toBe(true)
  })
})
