import {
  createJourneyUndoManager,
  docSchemaVersion,
  type Journey,
  observeJourney,
  readJourney,
  SCHEMA_VERSION,
} from '@touchline/model'
import type * as Y from 'yjs'
import { createStore, type StoreApi } from 'zustand/vanilla'
import { EMPTY_SELECTION, pruneSelection, type Selection, sameSelection } from './selection'

/**
 * Typing and dragging produce many small mutations; those within this window undo as one.
 * Discrete actions close the window around themselves (see journey-actions.ts).
 */
export const CAPTURE_TIMEOUT_MS = 400

export type SidePanel = 'inspector' | 'personas' | 'health' | 'comments' | 'votes'

/**
 * The editor's state: a read-only view derived from the Y.Doc (rebuilt entity by entity as
 * the doc changes) plus this person's session state. Nothing here is ever written back to the
 * doc; edits go through the model's mutations (see journey-actions.ts).
 */
export interface JourneyState {
  journey: Journey
  selection: Selection
  /** The persona whose view the canvas highlights; null shows everyone. */
  personaFilter: string | null
  panel: SidePanel
  canUndo: boolean
  canRedo: boolean
  /** A stage whose removal awaits confirmation. */
  stageToRemove: string | null
  /** A short message for this person, e.g. why an edit was refused. */
  notice: string | null
  /**
   * Why this page may not edit, or null when it may: the doc was written by a newer
   * Touchline whose layout this build does not know (editing could damage it), or the page
   * runs with a viewer's or commenter's link (the server would refuse every edit).
   */
  readOnly: ReadOnlyReason | null
  /** A picture of the map is being made: the canvas shows full cards and the curve under them. */
  exporting: boolean
}

export type ReadOnlyReason = 'newer-version' | 'role'

export type JourneyStore = StoreApi<JourneyState>

export interface JourneyBinding {
  store: JourneyStore
  undoManager: Y.UndoManager
  destroy(): void
}

const SELECTION_META = 'selection'

function isSelection(value: unknown): value is Selection {
  return (
    typeof value === 'object' &&
    value !== null &&
    'touchpoints' in value &&
    'connections' in value &&
    'stageId' in value
  )
}

function readOnlyReason(doc: Y.Doc, canEdit: boolean): ReadOnlyReason | null {
  if ((docSchemaVersion(doc) ?? 0) > SCHEMA_VERSION) return 'newer-version'
  return canEdit ? null : 'role'
}

function idSet(items: readonly { id: string }[]): Set<string> {
  return new Set(items.map((item) => item.id))
}

/**
 * Binds a store to `doc`. `origin` marks this client's transactions: the undo manager tracks
 * only it, so undo never reverts a collaborator's work. `canEdit` is whether the page's
 * role may change the journey; the server decides, this only spares offering what it refuses.
 */
export function bindJourneyStore(
  doc: Y.Doc,
  origin: object,
  { canEdit }: { canEdit: boolean } = { canEdit: true },
): JourneyBinding {
  const undoManager = createJourneyUndoManager(doc, origin, { captureTimeout: CAPTURE_TIMEOUT_MS })
  const store = createStore<JourneyState>()(() => ({
    journey: readJourney(doc),
    selection: EMPTY_SELECTION,
    personaFilter: null,
    panel: 'inspector',
    canUndo: false,
    canRedo: false,
    stageToRemove: null,
    notice: null,
    readOnly: readOnlyReason(doc, canEdit),
    exporting: false,
  }))

  const stopObserving = observeJourney(doc, (changes) => {
    const { journey: previous, selection, personaFilter } = store.getState()
    const journey = readJourney(doc, { previous, changes })
    if (journey === previous) return
    const nextSelection = pruneSelection(
      selection,
      idSet(journey.touchpoints),
      idSet(journey.connections),
      idSet(journey.stages),
    )
    const filterExists =
      personaFilter === null || journey.personas.some((persona) => persona.id === personaFilter)
    store.setState({
      readOnly: readOnlyReason(doc, canEdit),
      journey,
      selection: sameSelection(nextSelection, selection) ? selection : nextSelection,
      personaFilter: filterExists ? personaFilter : null,
    })
  })

  const syncHistory = () => {
    const canUndo = undoManager.undoStack.length > 0
    const canRedo = undoManager.redoStack.length > 0
    const state = store.getState()
    if (state.canUndo !== canUndo || state.canRedo !== canRedo) store.setState({ canUndo, canRedo })
  }
  // Each undo step remembers what was selected when it was recorded (before the change it
  // holds), so undoing a deletion selects the cards that come back, as design tools do.
  undoManager.on('stack-item-added', (event) => {
    event.stackItem.meta.set(SELECTION_META, store.getState().selection)
    syncHistory()
  })
  undoManager.on('stack-item-popped', (event) => {
    const saved: unknown = event.stackItem.meta.get(SELECTION_META)
    if (isSelection(saved)) {
      const { journey } = store.getState()
      store.setState({
        selection: pruneSelection(
          saved,
          idSet(journey.touchpoints),
          idSet(journey.connections),
          idSet(journey.stages),
        ),
      })
    }
    syncHistory()
  })
  undoManager.on('stack-cleared', syncHistory)

  return {
    store,
    undoManager,
    destroy() {
      stopObserving()
      undoManager.destroy()
    },
  }
}
