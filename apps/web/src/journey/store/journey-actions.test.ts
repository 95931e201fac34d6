import { createJourneyDoc, readJourney } from '@touchline/model'
import { afterEach, describe, expect, it } from 'vitest'
import { GRID } from '../canvas/column-layout'
import { createJourneyActions } from './journey-actions'
import { bindJourneyStore, type JourneyBinding } from './journey-store'

const bindings: JourneyBinding[] = []

function editor() {
  const doc = createJourneyDoc({ title: 'Actions' })
  const origin = {}
  const binding = bindJourneyStore(doc, origin)
  bindings.push(binding)
  const actions = createJourneyActions(doc, origin, binding)
  const state = () => binding.store.getState()
  return { doc, actions, state }
}

afterEach(() => {
  for (const binding of bindings.splice(0)) binding.destroy()
})

describe('journey actions', () => {
  it('reorders stages by index and removes one into its neighbour after confirmation', () => {
    const { actions, state } = editor()
    const [first, second] = state().journey.stages
    if (!first || !second) throw new Error('default stages missing')
    const card = actions.addTouchpointToStage(second.id) ?? ''

    actions.moveStage(first.id, 2)
    expect(
      state()
        .journey.stages.map((s) => s.id)
        .indexOf(first.id),
    ).toBe(2)

    actions.select({ touchpoints: [], connections: [], stageId: second.id })
    actions.deleteSelection()
    expect(state().stageToRemove).toBe(second.id)
    actions.removeStage(second.id)
    expect(state().stageToRemove).toBeNull()
    expect(state().journey.stages.some((s) => s.id === second.id)).toBe(false)
    const moved = state().journey.touchpoints.find((t) => t.id === card)
    expect(moved?.stageId).toBe(state().journey.stages[0]?.id)
  })

  it('connects two cards, selects the connection and edits its kind and cadence', () => {
    const { actions, state } = editor()
    const a = actions.addTouchpointNearSelection() ?? ''
    const b = actions.addTouchpointNearSelection() ?? ''
    expect(actions.connect(a, a)).toBeNull()
    const id = actions.connect(a, b) ?? ''
    expect(state().selection.connections).toEqual([id])
    actions.updateConnection(id, { kind: 'nurture', cadence: 'every 2 weeks' })
    expect(state().journey.connections[0]).toMatchObject({
      source: a,
      target: b,
      kind: 'nurture',
      cadence: 'every 2 weeks',
    })
  })

  it('duplicates the selection and selects the copies; deletes cards with their connections', () => {
    const { actions, state } = editor()
    const a = actions.addTouchpointNearSelection() ?? ''
    const b = actions.addTouchpointNearSelection() ?? ''
    actions.connect(a, b)
    actions.select({ touchpoints: [a, b], connections: [], stageId: null })
    actions.duplicateSelection()
    const copies = state().selection.touchpoints
    expect(copies).toHaveLength(2)
    expect(copies).not.toContain(a)
    expect(state().journey.touchpoints).toHaveLength(4)

    actions.select({ touchpoints: [a], connections: [], stageId: null })
    actions.deleteSelection()
    expect(state().journey.touchpoints.map((t) => t.id)).not.toContain(a)
    expect(state().journey.connections.every((c) => c.source !== a && c.target !== a)).toBe(true)
    expect(state().selection.touchpoints).toEqual([])
  })

  it('nudges the selected cards down by one grid step, four with Shift', () => {
    const { actions, state } = editor()
    const a = actions.addTouchpointNearSelection() ?? ''
    const start = state().journey.touchpoints[0]?.position
    actions.nudgeSelection(0, 1, false)
    actions.nudgeSelection(0, 1, true)
    expect(state().journey.touchpoints.find((t) => t.id === a)?.position).toEqual({
      x: start?.x ?? 0,
      y: (start?.y ?? 0) + GRID * 5,
    })
  })

  it('adds a touchpoint to the selected card’s stage, else the first stage', () => {
    const { actions, state } = editor()
    const [first, , third] = state().journey.stages
    const card = actions.addTouchpointToStage(third?.id ?? '') ?? ''
    actions.select({ touchpoints: [card], connections: [], stageId: null })
    const next = actions.addTouchpointNearSelection() ?? ''
    const stageOf = (id: string) => state().journey.touchpoints.find((t) => t.id === id)?.stageId
    expect(stageOf(next)).toBe(third?.id)
    actions.clearSelection()
    expect(stageOf(actions.addTouchpointNearSelection() ?? '')).toBe(first?.id)
  })

  it('moves the selected card to the next or previous stage with left and right', () => {
    const { actions, state } = editor()
    const [first, second] = state().journey.stages
    const a = actions.addTouchpointNearSelection() ?? ''
    const card = () => state().journey.touchpoints.find((t) => t.id === a)
    actions.nudgeSelection(1, 0, false)
    expect(card()?.stageId).toBe(second?.id)
    actions.nudgeSelection(-1, 0, false)
    actions.nudgeSelection(-1, 0, false)
    expect(card()?.stageId).toBe(first?.id)
    actions.undo()
    expect(card()?.stageId).toBe(second?.id)
  })

  it('creates a card where the column is double-clicked, serving the persona in view', () => {
    const { doc, actions, state } = editor()
    const persona = actions.addPersona() ?? ''
    actions.setPersonaFilter(persona)
    const id = actions.addTouchpointAt({ x: 700, y: 300 }) ?? ''
    const card = readJourney(doc).touchpoints.find((t) => t.id === id)
    expect(card?.stageId).toBe(state().journey.stages[2]?.id)
    expect(card?.personaIds).toEqual([persona])
    expect(state().selection.touchpoints).toEqual([id])
    expect(state().panel).toBe('inspector')
  })
})
