import {
  addPersona,
  addTouchpoint,
  createJourneyDoc,
  readJourney,
  removeTouchpoints,
  updateTouchpoint,
} from '@touchline/model'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createJourneyActions, READ_ONLY_NOTICES } from './journey-actions'
import { bindJourneyStore, type JourneyBinding } from './journey-store'

/** Two replicas of one journey, kept in sync the way the provider does (remote origin). */
function replicas() {
  const local = createJourneyDoc({ title: 'Launch' })
  const remote = new Y.Doc()
  const provider = { name: 'provider' }
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(local), provider)
  local.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== provider) Y.applyUpdate(remote, update, provider)
  })
  remote.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== provider) Y.applyUpdate(local, update, provider)
  })
  return { local, remote }
}

const bindings: JourneyBinding[] = []
function bind(doc: Y.Doc, origin: object, canEdit = true) {
  const binding = bindJourneyStore(doc, origin, { canEdit })
  bindings.push(binding)
  return { binding, actions: createJourneyActions(doc, origin, binding) }
}

afterEach(() => {
  for (const binding of bindings.splice(0)) binding.destroy()
})

describe('journey store binding', () => {
  it('rebuilds only the entities a remote change touched and keeps every other object', () => {
    const { local, remote } = replicas()
    const first = addTouchpoint(local, 'seed', { title: 'Webinar' })
    const second = addTouchpoint(local, 'seed', { title: 'Case study' })
    const { binding } = bind(local, {})
    const before = binding.store.getState().journey

    updateTouchpoint(remote, 'someone-else', first, { title: 'Live webinar' })

    const after = binding.store.getState().journey
    const byId = (journey: typeof after, id: string) => journey.touchpoints.find((t) => t.id === id)
    expect(byId(after, first)?.title).toBe('Live webinar')
    expect(byId(after, first)).not.toBe(byId(before, first))
    expect(byId(after, second)).toBe(byId(before, second))
    after.stages.forEach((stage, index) => {
      expect(stage).toBe(before.stages[index])
    })
    expect(after).toEqual(readJourney(local))
  })

  it('drops a selected touchpoint from the selection when someone deletes it', () => {
    const { local, remote } = replicas()
    const card = addTouchpoint(local, 'seed', { title: 'Demo' })
    const { binding, actions } = bind(local, {})
    actions.select({ touchpoints: [card], connections: [], stageId: null })

    removeTouchpoints(remote, 'someone-else', [card])

    expect(binding.store.getState().selection.touchpoints).toEqual([])
  })

  it('sends local actions through the model mutations with this client’s origin', () => {
    const { local, remote } = replicas()
    const origin = { me: true }
    const { binding, actions } = bind(local, origin)
    const origins: unknown[] = []
    local.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin))
    const stageId = binding.store.getState().journey.stages[1]?.id ?? ''

    const id = actions.addTouchpointToStage(stageId)

    expect(id).not.toBeNull()
    expect(origins).toEqual([origin])
    const seenRemotely = readJourney(remote).touchpoints.find((t) => t.id === id)
    expect(seenRemotely?.stageId).toBe(stageId)
    expect(binding.store.getState().selection.touchpoints).toEqual([id])
    expect(binding.store.getState().journey.touchpoints.map((t) => t.id)).toEqual([id])
  })

  it('places a new card in a stage below the cards already there', () => {
    const { local } = replicas()
    const { binding, actions } = bind(local, {})
    const stageId = binding.store.getState().journey.stages[0]?.id ?? ''
    const a = actions.addTouchpointToStage(stageId)
    const b = actions.addTouchpointToStage(stageId)
    const cards = binding.store.getState().journey.touchpoints
    const top = cards.find((t) => t.id === a)?.position.y ?? 0
    const below = cards.find((t) => t.id === b)?.position.y ?? 0
    expect(below).toBeGreaterThan(top)
  })

  it('undoes only this person’s changes, never a collaborator’s', () => {
    const { local, remote } = replicas()
    const origin = { me: true }
    const { binding, actions } = bind(local, origin)
    const stageId = binding.store.getState().journey.stages[0]?.id ?? ''
    const mine = actions.addTouchpointToStage(stageId)
    const theirs = addTouchpoint(remote, 'someone-else', { stageId, title: 'Their card' })
    expect(binding.store.getState().canUndo).toBe(true)

    actions.undo()

    const titles = binding.store.getState().journey.touchpoints.map((t) => t.id)
    expect(titles).toEqual([theirs])
    expect(readJourney(remote).touchpoints.map((t) => t.id)).toEqual([theirs])
    expect(binding.store.getState().canRedo).toBe(true)
    actions.redo()
    expect(
      binding.store
        .getState()
        .journey.touchpoints.map((t) => t.id)
        .sort(),
    ).toEqual([mine, theirs].sort())
  })

  it('reports refused input as a notice instead of throwing', () => {
    const { local } = replicas()
    const { binding, actions } = bind(local, {})
    const id = actions.addTouchpointNearSelection() ?? ''
    actions.updateTouchpoint(id, { title: '' })
    expect(binding.store.getState().notice).toMatch(/empty/)
    expect(binding.store.getState().journey.touchpoints[0]?.title).not.toBe('')
  })

  it('forgets a persona view when the persona is removed', () => {
    const { local, remote } = replicas()
    const persona = addPersona(local, 'seed', { name: 'CFO' })
    const { binding, actions } = bind(local, {})
    actions.setPersonaFilter(persona)
    actions.removePersona(persona)
    expect(binding.store.getState().personaFilter).toBeNull()
    expect(readJourney(remote).personas).toEqual([])
  })

  it('undoes quick successive actions one at a time, but a burst of typing as one', () => {
    const { local } = replicas()
    const { binding, actions } = bind(local, {})
    const stageId = binding.store.getState().journey.stages[0]?.id ?? ''
    const card = actions.addTouchpointToStage(stageId) ?? ''
    actions.selectAll()
    actions.duplicateSelection()
    actions.updateTouchpoint(card, { title: 'W' })
    actions.updateTouchpoint(card, { title: 'We' })
    actions.updateTouchpoint(card, { title: 'Web' })
    const titles = () => binding.store.getState().journey.touchpoints.map((t) => t.title)
    expect(titles()).toHaveLength(2)

    actions.undo()
    expect(titles()).toHaveLength(2)
    expect(titles()).not.toContain('Web')
    actions.undo()
    expect(titles()).toHaveLength(1)
    actions.undo()
    expect(titles()).toHaveLength(0)
  })

  it('undoes a card deleted right after it was added as its own step', () => {
    const { local } = replicas()
    const { binding, actions } = bind(local, {})
    const titles = () => binding.store.getState().journey.touchpoints.map((t) => t.title)
    const card = actions.addTouchpointNearSelection() ?? ''
    actions.updateTouchpoint(card, { title: 'D' })
    actions.updateTouchpoint(card, { title: 'Demo' })
    actions.select({ touchpoints: [card], connections: [], stageId: null })
    actions.deleteSelection()
    expect(titles()).toEqual([])

    actions.undo()
    expect(titles()).toEqual(['Demo'])
    actions.undo()
    expect(titles()).toHaveLength(1)
    expect(titles()).not.toContain('Demo')
    actions.undo()
    expect(titles()).toEqual([])
    actions.redo()
    actions.redo()
    actions.redo()
    expect(titles()).toEqual([])
  })

  it('is read-only for a role that may not edit, refusing every edit with a notice that says why', () => {
    const { local } = replicas()
    const { binding, actions } = bind(local, {}, false)
    const stages = readJourney(local).stages.length
    expect(binding.store.getState().readOnly).toBe('role')
    expect(actions.addTouchpointNearSelection()).toBeNull()
    expect(actions.addStage()).toBeNull()
    expect(binding.store.getState().notice).toBe(READ_ONLY_NOTICES.role)
    expect(readJourney(local).touchpoints).toEqual([])
    expect(readJourney(local).stages).toHaveLength(stages)
  })

  it('turns read-only, refusing every edit, when the doc comes from a newer schema', () => {
    const { local, remote } = replicas()
    const { binding, actions } = bind(local, {})
    remote.getMap('meta').set('schemaVersion', 99)
    expect(binding.store.getState().readOnly).toBe('newer-version')
    expect(actions.addTouchpointNearSelection()).toBeNull()
    expect(binding.store.getState().notice).toBe(READ_ONLY_NOTICES['newer-version'])
    expect(readJourney(local).touchpoints).toEqual([])
  })

  it('selects the cards that come back when a deletion is undone', () => {
    const { local } = replicas()
    const { binding, actions } = bind(local, {})
    const a = actions.addTouchpointNearSelection() ?? ''
    const b = actions.addTouchpointNearSelection() ?? ''
    actions.select({ touchpoints: [a, b], connections: [], stageId: null })
    actions.deleteSelection()
    expect(binding.store.getState().selection.touchpoints).toEqual([])
    actions.undo()
    expect(binding.store.getState().selection.touchpoints).toEqual([a, b])
  })
})
