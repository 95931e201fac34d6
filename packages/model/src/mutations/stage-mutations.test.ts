import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { collectionMap } from '../doc/layout.js'
import { readJourney } from '../doc/read-journey.js'
import { expectOneUndoStep, ME, sampleDoc, stageIdAt } from './journey.test-support.js'
import { addStage, removeStage, reorderStage, updateStage } from './stage-mutations.js'

const names = (doc: Y.Doc) => readJourney(doc).stages.map((s) => s.name)

describe('stage mutations', () => {
  it('addStage appends by default and inserts at the midpoint between neighbours', () => {
    const { doc } = sampleDoc()
    expectOneUndoStep(doc, () => addStage(doc, ME, { name: 'Expansion' }))
    expect(names(doc).at(-1)).toBe('Expansion')
    const journey = readJourney(doc)
    const first = stageIdAt(journey, 0)
    const second = stageIdAt(journey, 1)
    const id = addStage(doc, ME, { name: 'Research' }, { after: first })
    const stage = readJourney(doc).stages.find((s) => s.id === id)
    expect(stage?.order).toBe(1.5)
    expect(names(doc).slice(0, 3)).toEqual(['Awareness', 'Research', 'Consideration'])
    addStage(doc, ME, { name: 'Trigger' }, { before: first })
    expect(names(doc)[0]).toBe('Trigger')
    expect(readJourney(doc).stages.find((s) => s.id === second)?.order).toBe(2)
  })

  it('keeps inserting in the same gap correctly by renumbering when it gets too small', () => {
    const { doc } = sampleDoc()
    const first = stageIdAt(readJourney(doc), 0)
    for (let i = 0; i < 40; i++) addStage(doc, ME, { name: `S${i}` }, { after: first })
    const list = names(doc)
    expect(list.slice(0, 3)).toEqual(['Awareness', 'S39', 'S38'])
    expect(list[40]).toBe('S0')
    expect(list[41]).toBe('Consideration')
    const orders = readJourney(doc).stages.map((s) => s.order)
    expect(new Set(orders).size).toBe(orders.length)
  })

  it('updateStage renames', () => {
    const { doc } = sampleDoc()
    const id = stageIdAt(readJourney(doc), 3)
    expectOneUndoStep(doc, () => updateStage(doc, ME, id, { name: 'Selection' }))
    expect(names(doc)[3]).toBe('Selection')
  })

  it('reorderStage moves one stage before or after a neighbour', () => {
    const { doc } = sampleDoc()
    const journey = readJourney(doc)
    const advocacy = stageIdAt(journey, 6)
    expectOneUndoStep(doc, () => reorderStage(doc, ME, advocacy, { before: stageIdAt(journey, 0) }))
    expect(names(doc)[0]).toBe('Advocacy & renewal')
    reorderStage(doc, ME, advocacy, { after: stageIdAt(journey, 3) })
    expect(names(doc)).toEqual([
      'Awareness',
      'Consideration',
      'Evaluation',
      'Purchase',
      'Advocacy & renewal',
      'Onboarding',
      'Adoption',
    ])
    expect(reorderStage(doc, ME, advocacy, { after: stageIdAt(journey, 3) })).toBe(false)
  })

  it('places stages by the order the journey shows, even next to one another tool wrote out of range', () => {
    const { doc } = sampleDoc()
    const journey = readJourney(doc)
    const advocacy = stageIdAt(journey, 6)
    // Out of range: it reads as order 0, so it shows first.
    collectionMap(doc, 'stages').get(advocacy)?.set('order', 5e12)
    expect(names(doc)[0]).toBe('Advocacy & renewal')
    addStage(doc, ME, { name: 'Trigger' }, { after: advocacy })
    expect(names(doc).slice(0, 3)).toEqual(['Advocacy & renewal', 'Trigger', 'Awareness'])
    const last = addStage(doc, ME, { name: 'Expansion' })
    expect(names(doc).at(-1)).toBe('Expansion')
    expect(readJourney(doc).stages.find((s) => s.id === last)?.order).toBe(7)
  })

  it('still appends after a stage another tool placed at the very end of the range', () => {
    const { doc } = sampleDoc()
    const advocacy = stageIdAt(readJourney(doc), 6)
    collectionMap(doc, 'stages').get(advocacy)?.set('order', 1e12)
    const id = expectOneUndoStep(doc, () => addStage(doc, ME, { name: 'Expansion' }))
    expect(names(doc).slice(-2)).toEqual(['Advocacy & renewal', 'Expansion'])
    expect(readJourney(doc).stages.find((s) => s.id === id)?.order).toBe(7.5)
  })

  it('concurrent reorders of different stages never duplicate or lose a stage', () => {
    const { doc: a } = sampleDoc()
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const journey = readJourney(a)
    reorderStage(a, ME, stageIdAt(journey, 6), { before: stageIdAt(journey, 0) })
    reorderStage(b, ME, stageIdAt(journey, 0), { after: stageIdAt(journey, 6) })
    reorderStage(b, ME, stageIdAt(journey, 6), { after: stageIdAt(journey, 2) })
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(names(a)).toEqual(names(b))
    expect([...names(a)].sort()).toEqual(journey.stages.map((s) => s.name).sort())
  })

  it('removeStage moves its touchpoints to the previous stage', () => {
    const { doc, tps } = sampleDoc()
    const journey = readJourney(doc)
    const second = stageIdAt(journey, 1)
    expectOneUndoStep(doc, () => removeStage(doc, ME, second))
    const after = readJourney(doc)
    expect(after.stages).toHaveLength(6)
    expect(after.touchpoints.find((t) => t.id === tps[1])?.stageId).toBe(stageIdAt(journey, 0))
  })

  it('removeStage of the first stage moves to the next one, or to moveTo', () => {
    const { doc, tps } = sampleDoc()
    const journey = readJourney(doc)
    removeStage(doc, ME, stageIdAt(journey, 0))
    expect(readJourney(doc).touchpoints.find((t) => t.id === tps[0])?.stageId).toBe(
      stageIdAt(journey, 1),
    )
    removeStage(doc, ME, stageIdAt(journey, 2), { moveTo: stageIdAt(journey, 5) })
    expect(readJourney(doc).touchpoints.find((t) => t.id === tps[2])?.stageId).toBe(
      stageIdAt(journey, 5),
    )
    expect(() => removeStage(doc, ME, stageIdAt(journey, 3), { moveTo: 'st_none' })).toThrow(
      'moveTo: no other stage with id "st_none"',
    )
  })

  it('refuses to remove the last stage', () => {
    const { doc } = sampleDoc()
    const ids = readJourney(doc).stages.map((s) => s.id)
    for (const id of ids.slice(1)) expect(removeStage(doc, ME, id)).toBe(true)
    expect(removeStage(doc, ME, ids[0] ?? '')).toBe(false)
    expect(readJourney(doc).stages).toHaveLength(1)
    expect(readJourney(doc).touchpoints).toHaveLength(3)
  })
})
