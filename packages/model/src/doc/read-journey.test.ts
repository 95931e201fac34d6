import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { JourneySchema } from '../entities/journey.js'
import { exportJourney } from '../json/export-journey.js'
import { importJourney } from '../json/import-journey.js'
import { connect, updateConnection } from '../mutations/connection-mutations.js'
import { ME, OTHER, sampleDoc } from '../mutations/journey.test-support.js'
import { addPersona, removePersona } from '../mutations/persona-mutations.js'
import { removeTouchpoints } from '../mutations/remove-touchpoints.js'
import { removeStage, reorderStage } from '../mutations/stage-mutations.js'
import { addTouchpoint, setEmotion, updateTouchpoint } from '../mutations/touchpoint-mutations.js'
import { collectionMap, metaMap } from './layout.js'
import { observeJourney } from './observe-journey.js'
import { readJourney } from './read-journey.js'

/** Two replicas of one journey that can diverge offline and then sync both ways. */
function replicas() {
  const sample = sampleDoc()
  const other = new Y.Doc()
  Y.applyUpdate(other, Y.encodeStateAsUpdate(sample.doc))
  const sync = () => {
    Y.applyUpdate(other, Y.encodeStateAsUpdate(sample.doc, Y.encodeStateVector(other)))
    Y.applyUpdate(sample.doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(sample.doc)))
  }
  return { ...sample, a: sample.doc, b: other, sync }
}

function expectSameValidJourney(a: Y.Doc, b: Y.Doc) {
  const journey = readJourney(a)
  expect(readJourney(b)).toEqual(journey)
  expect(JourneySchema.safeParse(journey).success).toBe(true)
  return journey
}

describe('readJourney after concurrent edits (two docs diverge, then merge)', () => {
  it('drops a connection drawn to a touchpoint another client deleted', () => {
    const { a, b, tps, sync } = replicas()
    const [t0 = '', t1 = ''] = tps
    connect(a, ME, { source: t0, target: t1 })
    removeTouchpoints(b, OTHER, [t1])
    sync()
    const journey = expectSameValidJourney(a, b)
    expect(journey.connections).toEqual([])
    expect(collectionMap(a, 'connections').size).toBe(1)
  })

  it('drops a loop to the same card that two people made by moving its ends at once', () => {
    const { a, b, tps, sync } = replicas()
    const [t0 = '', t1 = '', t2 = ''] = tps
    const id = connect(a, ME, { source: t0, target: t1 })
    sync()
    updateConnection(a, ME, id, { source: t2 })
    updateConnection(b, OTHER, id, { target: t2 })
    sync()
    const journey = expectSameValidJourney(a, b)
    const stored = collectionMap(a, 'connections').get(id)
    expect(stored?.get('source')).toBe(stored?.get('target'))
    expect(journey.connections).toEqual([])
    const exported = importJourney(exportJourney(a))
    expect(exported.ok).toBe(true)
  })

  it('shows a touchpoint added to a stage another client removed in the first stage', () => {
    const { a, b, stages, sync } = replicas()
    const doomed = stages[3] ?? ''
    const tp = addTouchpoint(a, ME, { title: 'Late arrival', stageId: doomed })
    removeStage(b, OTHER, doomed)
    sync()
    const journey = expectSameValidJourney(a, b)
    expect(journey.touchpoints.find((t) => t.id === tp)?.stageId).toBe(journey.stages[0]?.id)
  })

  it('hides touchpoints while no stage exists, and shows them again when one is added', () => {
    const { a, b, stages, sync } = replicas()
    const [first = '', ...rest] = stages
    for (const id of rest) removeStage(a, ME, id)
    sync()
    const last = rest.at(-1) ?? ''
    removeStage(a, ME, first, { moveTo: last })
    expect(removeStage(b, OTHER, last)).toBe(false)
    collectionMap(b, 'stages').delete(first)
    sync()
    const journey = expectSameValidJourney(a, b)
    expect(journey.stages).toEqual([])
    expect(journey.touchpoints).toEqual([])
    expect(collectionMap(a, 'touchpoints').size).toBe(3)
  })

  it('drops persona ids and emotions of a persona another client deleted', () => {
    const { a, b, tps, personas, sync } = replicas()
    const t0 = tps[0] ?? ''
    updateTouchpoint(a, ME, t0, { personaIds: [personas.cfo, personas.user] })
    removePersona(b, OTHER, personas.user)
    addTouchpoint(a, ME, { title: 'For the user', emotions: { [personas.user]: 2 } })
    sync()
    const journey = expectSameValidJourney(a, b)
    for (const tp of journey.touchpoints) {
      expect(tp.personaIds).not.toContain(personas.user)
      expect(Object.keys(tp.emotions)).not.toContain(personas.user)
    }
  })

  it('serves every persona rated at once by two people on one card', () => {
    const { a, b, tps, personas, sync } = replicas()
    const t1 = tps[1] ?? ''
    updateTouchpoint(a, ME, t1, { personaIds: [] })
    sync()
    setEmotion(a, ME, t1, personas.cfo, 2)
    setEmotion(b, OTHER, t1, personas.user, -1)
    sync()
    const journey = expectSameValidJourney(a, b)
    const card = journey.touchpoints.find((t) => t.id === t1)
    expect(card?.emotions).toEqual({ [personas.cfo]: 2, [personas.user]: -1 })
    expect(new Set(card?.personaIds)).toEqual(new Set([personas.cfo, personas.user]))
  })
})

describe('readJourney on malformed docs', () => {
  it('never throws and reads bad fields as their defaults', () => {
    const { doc, tps } = sampleDoc()
    const tp = collectionMap(doc, 'touchpoints').get(tps[0] ?? '')
    tp?.set('title', 42)
    tp?.set('painPoints', [{ id: 'it_1', text: 'ok' }, 'garbage', { id: 'it_1', text: 'dup' }])
    tp?.set('position', { x: 'left' })
    metaMap(doc).set('metrics', 'lots')
    collectionMap(doc, 'personas').set('pe_bad', 'not a map' as unknown as Y.Map<unknown>)
    collectionMap(doc, 'personas').set('__proto__', new Y.Map<unknown>([['name', 'Sneaky']]))
    const journey = readJourney(doc)
    expect(JourneySchema.safeParse(journey).success).toBe(true)
    const read = journey.touchpoints.find((t) => t.id === tps[0])
    expect(read?.title).toBe('Touchpoint')
    expect(read?.painPoints).toEqual([{ id: 'it_1', text: 'ok', priority: null }])
    expect(read?.position).toEqual({ x: 0, y: 0 })
    expect(journey.metrics).toEqual([])
    expect(journey.personas.map((p) => p.id)).not.toContain('pe_bad')
    expect(journey.personas.map((p) => p.name)).not.toContain('Sneaky')
  })

  it('reads a missing or broken priority (a version 1 card or item) as null, keeping the item', () => {
    const { doc, tps } = sampleDoc()
    const tp = collectionMap(doc, 'touchpoints').get(tps[0] ?? '')
    tp?.delete('priority')
    tp?.set('painPoints', [
      { id: 'it_1', text: 'From version 1' },
      { id: 'it_2', text: 'Broken', priority: { rank: 'first' } },
      { id: 'it_3', text: 'Voted', priority: { sessionId: 'vs_1', rank: 2, votes: 3 } },
    ])
    collectionMap(doc, 'touchpoints')
      .get(tps[1] ?? '')
      ?.set('priority', 'high')
    const journey = readJourney(doc)
    expect(JourneySchema.safeParse(journey).success).toBe(true)
    const [first, second] = journey.touchpoints
    expect(first?.priority).toBeNull()
    expect(first?.painPoints).toEqual([
      { id: 'it_1', text: 'From version 1', priority: null },
      { id: 'it_2', text: 'Broken', priority: null },
      { id: 'it_3', text: 'Voted', priority: { sessionId: 'vs_1', rank: 2, votes: 3 } },
    ])
    expect(second?.priority).toBeNull()
    expect(second?.title).toBe('Touchpoint 1')
  })

  it('keeps valid fields of an entity with extra keys, a wrong id field or nested types', () => {
    const { doc, tps, stages } = sampleDoc()
    const id = tps[1] ?? ''
    const tp = collectionMap(doc, 'touchpoints').get(id)
    tp?.set('id', 'tp_someone_else')
    tp?.set('addedByANewerClient', true)
    const title = new Y.Text()
    title.insert(0, 'Typed title')
    tp?.set('title', title)
    const read = readJourney(doc).touchpoints.find((t) => t.id === id)
    expect(read).toMatchObject({ id, title: 'Typed title', stageId: stages[1] })
    expect(read).not.toHaveProperty('addedByANewerClient')
  })

  it('returns data that shares nothing with the doc, so changing it cannot corrupt the doc', () => {
    const { doc, tps } = sampleDoc()
    const first = readJourney(doc)
    const tp = first.touchpoints.find((t) => t.id === tps[0])
    if (!tp) throw new Error('touchpoint expected')
    tp.position.x = 99_999
    tp.personaIds.push('pe_nobody')
    const again = readJourney(doc).touchpoints.find((t) => t.id === tps[0])
    expect(again?.position.x).toBe(0)
    expect(again?.personaIds).toHaveLength(1)
  })

  it('reads an empty doc as a blank journey', () => {
    const journey = readJourney(new Y.Doc())
    expect(journey).toMatchObject({ title: 'Untitled journey', stages: [], touchpoints: [] })
  })
})

describe('readJourney with reuse', () => {
  it('equals a full read through stage and persona changes that move or fix cards', () => {
    const { doc, tps, stages, personas } = sampleDoc()
    const [t0 = '', t1 = ''] = tps
    const [first = '', second = ''] = stages
    let previous = readJourney(doc)
    const stop = observeJourney(doc, (changes) => {
      previous = readJourney(doc, { previous, changes })
    })
    collectionMap(doc, 'touchpoints').get(t1)?.set('stageId', 'st_gone')
    expect(previous.touchpoints.find((t) => t.id === t1)?.stageId).toBe(first)
    reorderStage(doc, ME, second, { before: first })
    expect(previous.touchpoints.find((t) => t.id === t1)?.stageId).toBe(second)
    expect(previous).toEqual(readJourney(doc))
    removePersona(doc, OTHER, personas.cfo)
    expect(previous.touchpoints.find((t) => t.id === t0)?.personaIds).toEqual([])
    addPersona(doc, OTHER, { name: 'Late' })
    expect(previous).toEqual(readJourney(doc))
    stop()
  })

  it('rebuilds only changed entities and equals a full read', () => {
    const { doc, tps, personas } = sampleDoc()
    const [t0 = '', t1 = '', t2 = ''] = tps
    let previous = readJourney(doc)
    const seen: ReturnType<typeof readJourney>[] = []
    const stop = observeJourney(doc, (changes) => {
      previous = readJourney(doc, { previous, changes })
      seen.push(previous)
    })
    const before = previous
    updateTouchpoint(doc, ME, t1, { title: 'Changed' })
    const after = previous
    expect(after).toEqual(readJourney(doc))
    const find = (j: typeof after, id: string) => j.touchpoints.find((t) => t.id === id)
    expect(find(after, t0)).toBe(find(before, t0))
    expect(find(after, t2)).toBe(find(before, t2))
    expect(find(after, t1)).not.toBe(find(before, t1))
    expect(after.stages[0]).toBe(before.stages[0])
    expect(after.personas).toEqual(before.personas)

    removePersona(doc, ME, personas.cfo)
    expect(previous).toEqual(readJourney(doc))
    stop()
    expect(seen).toHaveLength(2)
  })

  it('re-resolves references when a deleted persona comes back (undo)', () => {
    const { doc, tps, personas } = sampleDoc()
    const undo = new Y.UndoManager([collectionMap(doc, 'personas')], {
      trackedOrigins: new Set([ME]),
    })
    let previous = readJourney(doc)
    const stop = observeJourney(doc, (changes) => {
      previous = readJourney(doc, { previous, changes })
    })
    doc.transact(() => collectionMap(doc, 'personas').delete(personas.cfo), ME)
    expect(previous.touchpoints.find((t) => t.id === tps[0])?.personaIds).toEqual([])
    undo.undo()
    expect(previous).toEqual(readJourney(doc))
    expect(previous.touchpoints.find((t) => t.id === tps[0])?.personaIds).toEqual([personas.cfo])
    stop()
  })
})
