import type { MouseEvent } from 'react'
import { useActions, useJourneyState } from '../store/editor-context'
import { CardIcon, ColumnIcon, RedoIcon, UndoIcon } from './icons'

/**
 * Toolbar buttons do not keep focus after a click, so a following Space (to pan the map) or
 * Enter does not press them again; keyboard users still reach them with Tab.
 */
const keepFocusOnCanvas = {
  onMouseDown: (event: MouseEvent<HTMLButtonElement>) => event.preventDefault(),
}

/** The top bar's history and creation buttons, for a page that may edit. */
export function EditingTools({ onCreated }: { onCreated: (id: string | null) => void }) {
  const actions = useActions()
  const canUndo = useJourneyState((state) => state.canUndo)
  const canRedo = useJourneyState((state) => state.canRedo)
  return (
    <>
      <div className="tool-group">
        <button
          type="button"
          className="tl-icon-button"
          data-testid="undo"
          disabled={!canUndo}
          onClick={() => actions.undo()}
          title="Undo your last change (Ctrl/⌘+Z)"
          aria-label="Undo"
        >
          <UndoIcon />
        </button>
        <button
          type="button"
          className="tl-icon-button"
          data-testid="redo"
          disabled={!canRedo}
          onClick={() => actions.redo()}
          title="Redo (Ctrl/⌘+Shift+Z)"
          aria-label="Redo"
        >
          <RedoIcon />
        </button>
      </div>
      <div className="tool-group">
        <button
          type="button"
          className="tl-button tl-button--small tl-button--primary"
          data-testid="add-touchpoint"
          {...keepFocusOnCanvas}
          onClick={() => onCreated(actions.addTouchpointNearSelection())}
          title="Add a touchpoint (N), or double-click in a stage column"
        >
          <CardIcon size={16} />
          Touchpoint
        </button>
        <button
          type="button"
          className="tl-button tl-button--small"
          data-testid="add-stage"
          {...keepFocusOnCanvas}
          onClick={() => onCreated(actions.addStage())}
          title="Add a stage at the end"
        >
          <ColumnIcon size={16} />
          Stage
        </button>
      </div>
    </>
  )
}
