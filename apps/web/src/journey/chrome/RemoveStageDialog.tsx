import { useActions, useJourneyState } from '../store/editor-context'
import { ConfirmDialog } from './ConfirmDialog'

/** Asks before removing a stage and says exactly where its touchpoints will go. */
export function RemoveStageDialog() {
  const stageId = useJourneyState((state) => state.stageToRemove)
  const journey = useJourneyState((state) => state.journey)
  const actions = useActions()
  if (!stageId) return null
  const index = journey.stages.findIndex((stage) => stage.id === stageId)
  const stage = journey.stages[index]
  if (!stage) return null
  const destination = journey.stages[index - 1] ?? journey.stages[index + 1]
  const count = journey.touchpoints.filter((tp) => tp.stageId === stageId).length
  const cancel = () => actions.requestStageRemoval(null)

  if (!destination) {
    return (
      <ConfirmDialog
        title="This is the only stage"
        confirmLabel="OK"
        onConfirm={cancel}
        onCancel={cancel}
      >
        <p>
          Every touchpoint belongs to a stage, so a journey keeps at least one. Add another stage
          first.
        </p>
      </ConfirmDialog>
    )
  }
  return (
    <ConfirmDialog
      title={`Delete the stage “${stage.name}”?`}
      confirmLabel="Delete stage"
      danger
      onConfirm={() => actions.removeStage(stageId)}
      onCancel={cancel}
    >
      {count === 0 ? (
        <p>It has no touchpoints. You can undo this.</p>
      ) : (
        <p>
          Its {count === 1 ? 'touchpoint moves' : `${count} touchpoints move`} to{' '}
          <strong>{destination.name}</strong>, with {count === 1 ? 'its' : 'their'} connections,
          comments and votes. Nothing is deleted but the stage, and you can undo this.
        </p>
      )}
    </ConfirmDialog>
  )
}
