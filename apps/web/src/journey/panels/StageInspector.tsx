import type { Stage } from '@touchline/model'
import { TrashIcon } from '../chrome/icons'
import { useActions, useJourneyState } from '../store/editor-context'
import { TextField } from './TextField'

/** A stage's name and description, its place in the order, and its removal. */
export function StageInspector({ stage }: { stage: Stage }) {
  const actions = useActions()
  const stages = useJourneyState((state) => state.journey.stages)
  const count = useJourneyState(
    (state) => state.journey.touchpoints.filter((tp) => tp.stageId === stage.id).length,
  )
  const index = stages.findIndex((other) => other.id === stage.id)
  return (
    <div className="inspector-body" key={stage.id}>
      <header className="inspector-heading">
        <span className="inspector-kind">
          Stage {index + 1} of {stages.length}
        </span>
        <div className="inspector-heading-actions">
          <button
            type="button"
            className="tl-icon-button danger-hover edit-only"
            aria-label="Delete stage"
            title="Delete stage"
            onClick={() => actions.requestStageRemoval(stage.id)}
          >
            <TrashIcon size={16} />
          </button>
        </div>
      </header>
      <TextField
        label="Name"
        value={stage.name}
        required
        testId="stage-name"
        onCommit={(name) => actions.updateStage(stage.id, { name })}
      />
      <TextField
        label="Description"
        value={stage.description}
        multiline
        placeholder="What the buyer is trying to do in this stage"
        onCommit={(description) => actions.updateStage(stage.id, { description })}
      />
      <div className="field-row">
        <button
          type="button"
          className="tl-button tl-button--small edit-only"
          disabled={index <= 0}
          onClick={() => actions.moveStage(stage.id, index - 1)}
        >
          ← Move left
        </button>
        <button
          type="button"
          className="tl-button tl-button--small edit-only"
          disabled={index >= stages.length - 1}
          onClick={() => actions.moveStage(stage.id, index + 1)}
        >
          Move right →
        </button>
      </div>
      <p className="inspector-hint">
        {count === 0 ? 'No touchpoints yet.' : `${count} touchpoint${count === 1 ? '' : 's'}.`}{' '}
        Double-click inside the column to add one; drag the header to reorder.
      </p>
      <button
        type="button"
        className="tl-button tl-button--small edit-only"
        onClick={() => actions.addTouchpointToStage(stage.id)}
      >
        Add a touchpoint here
      </button>
    </div>
  )
}
