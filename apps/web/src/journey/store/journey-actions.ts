import {
  addPersona,
  addStage,
  addTouchpoint,
  type ConnectionPatch,
  connect,
  duplicateTouchpoints,
  InvalidInputError,
  type JourneyPatch,
  moveTouchpoints,
  type PersonaInput,
  type Position,
  removeElements,
  removePersona,
  removeStage,
  reorderStage,
  type StageInput,
  setEmotion,
  type TouchpointMove,
  type TouchpointPatch,
  updateConnection,
  updateJourney,
  updatePersona,
  updateStage,
  updateTouchpoint,
} from '@touchline/model'
import type * as Y from 'yjs'
import { freeSlot, GRID, layoutColumns, placeCard } from '../canvas/column-layout'
import { stepToNeighbourStage } from '../canvas/stage-step'
import type { JourneyBinding, ReadOnlyReason, SidePanel } from './journey-store'
import { EMPTY_SELECTION, type Selection, sameSelection } from './selection'

export const READ_ONLY_NOTICES: Record<ReadOnlyReason, string> = {
  'newer-version':
    'This journey was saved by a newer version of Touchline, so it is read-only here. Reload the page to get the new version.',
  role: 'Your link lets you look at this journey and take part in its review, not change it.',
}

/** Grid steps an up/down nudge moves; with Shift, four times as far. */
const NUDGE = GRID

/**
 * Every user action of the editor. Journey content changes only through the model's named
 * mutations with this client's origin (one undo step each); the rest is session state.
 */
export interface JourneyActions {
  addTouchpointToStage(stageId: string): string | null
  addTouchpointAt(point: Position): string | null
  addTouchpointNearSelection(): string | null
  updateTouchpoint(id: string, patch: TouchpointPatch): void
  /** One step of a move, e.g. a nudge or a drop. */
  moveTouchpoints(moves: TouchpointMove[]): void
  /** Positions written while a drag is under way; the drag undoes as one step. */
  dragTouchpoints(moves: TouchpointMove[]): void
  setEmotion(touchpointId: string, personaId: string, value: number | null): void
  duplicateSelection(): void
  deleteSelection(): void
  /** Up/down moves by grid steps; left/right moves to the neighbouring stage. */
  nudgeSelection(dx: number, dy: number, far: boolean): void
  connect(source: string, target: string): string | null
  updateConnection(id: string, patch: ConnectionPatch): void
  addStage(): string | null
  addStageAfter(stageId: string): string | null
  updateStage(id: string, patch: StageInput): void
  moveStage(id: string, toIndex: number): void
  requestStageRemoval(id: string | null): void
  removeStage(id: string): void
  addPersona(): string | null
  updatePersona(id: string, patch: PersonaInput): void
  removePersona(id: string): void
  updateJourney(patch: JourneyPatch): void
  undo(): void
  redo(): void
  select(selection: Selection): void
  selectStage(id: string): void
  selectAll(): void
  clearSelection(): void
  setPersonaFilter(id: string | null): void
  setPanel(panel: SidePanel): void
  dismissNotice(): void
}

export function createJourneyActions(
  doc: Y.Doc,
  origin: object,
  binding: JourneyBinding,
): JourneyActions {
  const { store, undoManager } = binding
  const state = () => store.getState()

  /**
   * Runs a mutation as its own undo step; invalid input becomes a message instead of an
   * exception in an event handler.
   */
  function attempt<T>(run: () => T): T | null {
    undoManager.stopCapturing()
    try {
      return edit(run)
    } finally {
      undoManager.stopCapturing()
    }
  }

  /**
   * Runs a mutation that may join the previous undo step: typing in a field writes on every
   * keystroke, and a drag writes as the card moves, yet each undoes as one.
   */
  function edit<T>(run: () => T): T | null {
    const readOnly = state().readOnly
    if (readOnly) {
      store.setState({ notice: READ_ONLY_NOTICES[readOnly] })
      return null
    }
    try {
      return run()
    } catch (error) {
      if (error instanceof InvalidInputError) {
        store.setState({ notice: error.issues.map((issue) => issue.message).join('; ') })
        return null
      }
      throw error
    }
  }

  function select(selection: Selection) {
    if (!sameSelection(selection, state().selection)) store.setState({ selection })
  }

  function focusNew(id: string | null) {
    if (id) select({ touchpoints: [id], connections: [], stageId: null })
    if (id) store.setState({ panel: 'inspector' })
    return id
  }

  function addTouchpointToStage(stageId: string) {
    const { journey } = state()
    const layout = layoutColumns(journey.stages, journey.touchpoints, journey.connections)
    const slot = freeSlot(layout, journey.touchpoints, stageId)
    const { personaFilter } = state()
    return focusNew(
      attempt(() =>
        addTouchpoint(doc, origin, {
          stageId,
          position: slot,
          ...(personaFilter ? { personaIds: [personaFilter] } : {}),
        }),
      ),
    )
  }

  return {
    addTouchpointToStage,
    addTouchpointAt(point) {
      const { journey, personaFilter } = state()
      const layout = layoutColumns(journey.stages, journey.touchpoints, journey.connections)
      // The double-clicked point becomes the card's top centre: it appears under the pointer.
      const place = placeCard(layout, { x: point.x - 120, y: point.y - 16 })
      if (!place) return null
      return focusNew(
        attempt(() =>
          addTouchpoint(doc, origin, {
            stageId: place.stageId,
            position: {
              x: Math.round(place.position.x / 16) * 16,
              y: Math.round(place.position.y / 16) * 16,
            },
            ...(personaFilter ? { personaIds: [personaFilter] } : {}),
          }),
        ),
      )
    },
    addTouchpointNearSelection() {
      const { journey, selection } = state()
      // Next to what this person is working on: the selected stage, or the selected card's stage.
      const selectedCard = journey.touchpoints.find((tp) => tp.id === selection.touchpoints[0])
      const stageId = selection.stageId ?? selectedCard?.stageId ?? journey.stages[0]?.id
      if (!stageId) {
        store.setState({ notice: 'Add a stage first: every touchpoint belongs to a stage.' })
        return null
      }
      return addTouchpointToStage(stageId)
    },
    updateTouchpoint(id, patch) {
      edit(() => updateTouchpoint(doc, origin, id, patch))
    },
    moveTouchpoints(moves) {
      if (moves.length > 0) attempt(() => moveTouchpoints(doc, origin, moves))
    },
    dragTouchpoints(moves) {
      if (moves.length > 0) edit(() => moveTouchpoints(doc, origin, moves))
    },
    setEmotion(touchpointId, personaId, value) {
      attempt(() => setEmotion(doc, origin, touchpointId, personaId, value))
    },
    duplicateSelection() {
      const ids = state().selection.touchpoints
      if (ids.length === 0) return
      const copies = attempt(() => duplicateTouchpoints(doc, origin, [...ids]))
      if (copies && copies.size > 0) {
        select({ touchpoints: [...copies.values()], connections: [], stageId: null })
      }
    },
    deleteSelection() {
      const { selection } = state()
      if (selection.touchpoints.length === 0 && selection.connections.length === 0) {
        if (selection.stageId) store.setState({ stageToRemove: selection.stageId })
        return
      }
      attempt(() =>
        removeElements(doc, origin, {
          touchpoints: [...selection.touchpoints],
          connections: [...selection.connections],
        }),
      )
      select(EMPTY_SELECTION)
    },
    nudgeSelection(dx, dy, far) {
      const { journey, selection } = state()
      if (dx !== 0) {
        const layout = layoutColumns(journey.stages, journey.touchpoints, journey.connections)
        const moves = stepToNeighbourStage(
          layout,
          journey.touchpoints,
          selection.touchpoints,
          dx < 0 ? -1 : 1,
        )
        if (moves.length > 0) attempt(() => moveTouchpoints(doc, origin, moves))
        return
      }
      const step = far ? NUDGE * 4 : NUDGE
      const chosen = new Set(selection.touchpoints)
      const moves = journey.touchpoints
        .filter((touchpoint) => chosen.has(touchpoint.id))
        .map((touchpoint) => ({
          id: touchpoint.id,
          position: { x: touchpoint.position.x, y: touchpoint.position.y + dy * step },
        }))
      if (moves.length > 0) attempt(() => moveTouchpoints(doc, origin, moves))
    },
    connect(source, target) {
      if (source === target) return null
      const id = attempt(() => connect(doc, origin, { source, target }))
      if (id) select({ touchpoints: [], connections: [id], stageId: null })
      return id
    },
    updateConnection(id, patch) {
      edit(() => updateConnection(doc, origin, id, patch))
    },
    addStage() {
      const id = attempt(() => addStage(doc, origin, { name: 'New stage' }))
      if (id) select({ touchpoints: [], connections: [], stageId: id })
      return id
    },
    addStageAfter(stageId) {
      const id = attempt(() => addStage(doc, origin, { name: 'New stage' }, { after: stageId }))
      if (id) select({ touchpoints: [], connections: [], stageId: id })
      return id
    },
    updateStage(id, patch) {
      edit(() => updateStage(doc, origin, id, patch))
    },
    moveStage(id, toIndex) {
      const stages = state().journey.stages
      const from = stages.findIndex((stage) => stage.id === id)
      const anchor = stages[toIndex]
      if (from < 0 || !anchor || anchor.id === id) return
      const placement = toIndex > from ? { after: anchor.id } : { before: anchor.id }
      attempt(() => reorderStage(doc, origin, id, placement))
    },
    requestStageRemoval(id) {
      store.setState({ stageToRemove: id })
    },
    removeStage(id) {
      store.setState({ stageToRemove: null })
      const { journey } = state()
      const index = journey.stages.findIndex((stage) => stage.id === id)
      const destination = journey.stages[index - 1] ?? journey.stages[index + 1]
      if (!destination) return
      // The moved cards keep their stored positions, so the neighbour's column widens to hold
      // them beside its own cards instead of on top of them.
      attempt(() => removeStage(doc, origin, id, { moveTo: destination.id }))
    },
    addPersona() {
      const id = attempt(() => addPersona(doc, origin, { name: 'New persona' }))
      if (id) store.setState({ panel: 'personas' })
      return id
    },
    updatePersona(id, patch) {
      edit(() => updatePersona(doc, origin, id, patch))
    },
    removePersona(id) {
      attempt(() => removePersona(doc, origin, id))
    },
    updateJourney(patch) {
      edit(() => updateJourney(doc, origin, patch))
    },
    undo() {
      undoManager.stopCapturing()
      undoManager.undo()
    },
    redo() {
      undoManager.redo()
    },
    select,
    selectStage(id) {
      select({ touchpoints: [], connections: [], stageId: id })
      store.setState({ panel: 'inspector' })
    },
    selectAll() {
      select({
        touchpoints: state().journey.touchpoints.map((touchpoint) => touchpoint.id),
        connections: [],
        stageId: null,
      })
    },
    clearSelection() {
      select(EMPTY_SELECTION)
    },
    setPersonaFilter(id) {
      store.setState({ personaFilter: id })
    },
    setPanel(panel) {
      store.setState({ panel })
    },
    dismissNotice() {
      store.setState({ notice: null })
    },
  }
}
