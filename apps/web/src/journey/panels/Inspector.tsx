import { CopyIcon, TrashIcon } from '../chrome/icons'
import { useActions, useJourneyState } from '../store/editor-context'
import { ConnectionInspector } from './ConnectionInspector'
import { JourneyInspector } from './JourneyInspector'
import { StageInspector } from './StageInspector'
import { TouchpointInspector } from './TouchpointInspector'

/** Edits whatever is selected: one touchpoint, connection or stage; several; or the journey. */
export function Inspector() {
  const actions = useActions()
  const selection = useJourneyState((state) => state.selection)
  const journey = useJourneyState((state) => state.journey)
  const count = selection.touchpoints.length + selection.connections.length

  let body: React.ReactNode
  if (count > 1) {
    body = (
      <div className="inspector-body">
        <header className="inspector-heading">
          <span className="inspector-kind">{count} selected</span>
        </header>
        <p className="inspector-hint">
          {selection.touchpoints.length} touchpoint{selection.touchpoints.length === 1 ? '' : 's'}
          {selection.connections.length > 0
            ? ` and ${selection.connections.length} connection${selection.connections.length === 1 ? '' : 's'}`
            : ''}
          . Drag any of them to move them together, or use the arrow keys.
        </p>
        <div className="field-row">
          <button
            type="button"
            className="tl-button tl-button--small edit-only"
            disabled={selection.touchpoints.length === 0}
            onClick={() => actions.duplicateSelection()}
          >
            <CopyIcon size={15} /> Duplicate
          </button>
          <button
            type="button"
            className="tl-button tl-button--small tl-button--danger edit-only"
            onClick={() => actions.deleteSelection()}
          >
            <TrashIcon size={15} /> Delete all
          </button>
        </div>
      </div>
    )
  } else if (selection.touchpoints.length === 1) {
    const touchpoint = journey.touchpoints.find((tp) => tp.id === selection.touchpoints[0])
    body = touchpoint ? <TouchpointInspector touchpoint={touchpoint} /> : <JourneyInspector />
  } else if (selection.connections.length === 1) {
    const connection = journey.connections.find((c) => c.id === selection.connections[0])
    body = connection ? <ConnectionInspector connection={connection} /> : <JourneyInspector />
  } else if (selection.stageId) {
    const stage = journey.stages.find((s) => s.id === selection.stageId)
    body = stage ? <StageInspector stage={stage} /> : <JourneyInspector />
  } else {
    body = <JourneyInspector />
  }
  return (
    <div className="inspector" data-testid="inspector">
      {body}
    </div>
  )
}
