import { LIMITS, VOTE_SESSION_DEFAULTS } from '@touchline/model'
import { type FormEvent, useId, useMemo, useState } from 'react'
import { describeError } from '../../api/errors'
import { SelectField } from '../../journey/panels/SelectField'
import { ToggleField } from '../../journey/panels/ToggleField'
import { useJourneyState } from '../../journey/store/editor-context'
import { Modal } from '../../shell/Modal'
import { useReview } from '../ReviewContext'
import { useReviewUiStore } from '../ReviewUiContext'
import { type ItemChoice, itemsProblem, sessionItems } from './vote-items'

type ChoiceKind = ItemChoice['kind']

const DURATIONS = [
  { id: 'none', label: 'No end time' },
  { id: '3', label: 'In 3 minutes' },
  { id: '5', label: 'In 5 minutes' },
  { id: '10', label: 'In 10 minutes' },
  { id: '15', label: 'In 15 minutes' },
  { id: '30', label: 'In 30 minutes' },
  { id: '60', label: 'In an hour' },
] as const

type Duration = (typeof DURATIONS)[number]['id']

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`
}

/**
 * The facilitator's dialog for a dot vote: what to vote on (cards of some stages, every pain
 * point or opportunity, or the selected cards) and the rules. Starts with the selection when
 * there is one, since selecting the contenders first is how a workshop usually goes.
 */
export function StartVoteDialog() {
  const ui = useReviewUiStore()
  const { actions } = useReview()
  const journey = useJourneyState((state) => state.journey)
  const selected = useJourneyState((state) => state.selection.touchpoints)
  const titleId = useId()
  const [title, setTitle] = useState(VOTE_SESSION_DEFAULTS.title)
  const [kind, setKind] = useState<ChoiceKind>(selected.length > 1 ? 'selection' : 'stages')
  const [stageIds, setStageIds] = useState<string[]>(() => journey.stages.map((s) => s.id))
  const [votesPerPerson, setVotesPerPerson] = useState(VOTE_SESSION_DEFAULTS.votesPerPerson)
  const [several, setSeveral] = useState(VOTE_SESSION_DEFAULTS.allowMultiplePerItem)
  const [hidden, setHidden] = useState(VOTE_SESSION_DEFAULTS.hidden)
  const [duration, setDuration] = useState<Duration>('none')
  const [starting, setStarting] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const choice = useMemo<ItemChoice>(() => {
    if (kind === 'stages') return { kind, stageIds }
    if (kind === 'selection') return { kind, touchpointIds: selected }
    return { kind }
  }, [kind, stageIds, selected])
  const items = useMemo(() => sessionItems(choice, journey), [choice, journey])
  const counts = useMemo(
    () => ({
      painPoints: journey.touchpoints.reduce((sum, tp) => sum + tp.painPoints.length, 0),
      opportunities: journey.touchpoints.reduce((sum, tp) => sum + tp.opportunities.length, 0),
    }),
    [journey.touchpoints],
  )
  const problem = itemsProblem(items)
  const close = () => ui.setState({ startingVote: false })

  async function start(event: FormEvent) {
    event.preventDefault()
    if (problem || starting) return
    setStarting(true)
    setError(null)
    try {
      await actions.startVoteSession({
        title: title.trim() || VOTE_SESSION_DEFAULTS.title,
        items,
        votesPerPerson,
        allowMultiplePerItem: several,
        hidden,
        endsAt:
          duration === 'none'
            ? null
            : new Date(Date.now() + Number(duration) * 60_000).toISOString(),
      })
      close()
    } catch (failure) {
      setError(describeError(failure))
      setStarting(false)
    }
  }

  const option = (id: ChoiceKind, label: string, detail: string, disabled = false) => (
    <label className={disabled ? 'vote-choice is-disabled' : 'vote-choice'}>
      <input
        type="radio"
        name="vote-items"
        value={id}
        checked={kind === id}
        disabled={disabled}
        data-testid={`vote-choice-${id}`}
        onChange={() => setKind(id)}
      />
      <span>
        <strong>{label}</strong>
        <span>{detail}</span>
      </span>
    </label>
  )

  return (
    <Modal
      className="start-vote-dialog"
      labelledBy={titleId}
      testId="start-vote-dialog"
      onClose={close}
    >
      <form onSubmit={start}>
        <div className="tl-dialog__body">
          <div>
            <h2 className="tl-dialog__title" id={titleId}>
              Start a dot vote
            </h2>
            <p className="tl-dialog__text">
              Everyone with a commenter or editor link places their dots; you reveal the result.
            </p>
          </div>
          <label className="tl-field">
            <span className="tl-field__label">Question</span>
            <input
              className="tl-input"
              value={title}
              maxLength={200}
              data-testid="vote-title"
              onChange={(event) => setTitle(event.target.value)}
            />
          </label>
          <fieldset className="vote-choices">
            <legend className="tl-field__label">Vote on</legend>
            {option(
              'stages',
              'Touchpoints',
              `${plural(kind === 'stages' ? items.length : journey.touchpoints.length, 'card', 'cards')} in the stages below`,
            )}
            {kind === 'stages' ? (
              <div className="vote-stage-chips">
                {journey.stages.map((stage) => {
                  const on = stageIds.includes(stage.id)
                  return (
                    <button
                      key={stage.id}
                      type="button"
                      className={on ? 'chip-toggle is-on' : 'chip-toggle'}
                      aria-pressed={on}
                      onClick={() =>
                        setStageIds((ids) =>
                          on ? ids.filter((id) => id !== stage.id) : [...ids, stage.id],
                        )
                      }
                    >
                      {stage.name}
                    </button>
                  )
                })}
              </div>
            ) : null}
            {option(
              'painPoints',
              'Pain points',
              `${plural(counts.painPoints, 'pain point', 'pain points')} on every card`,
              counts.painPoints === 0,
            )}
            {option(
              'opportunities',
              'Opportunities',
              `${plural(counts.opportunities, 'opportunity', 'opportunities')} on every card`,
              counts.opportunities === 0,
            )}
            {option(
              'selection',
              'The selected cards',
              selected.length === 0
                ? 'Select cards on the map first'
                : plural(selected.length, 'card', 'cards'),
              selected.length === 0,
            )}
          </fieldset>
          <div className="field-row">
            <label className="field">
              <span className="field-label">Votes per person</span>
              <input
                className="tl-input"
                type="number"
                min={1}
                max={LIMITS.votesPerPerson}
                value={votesPerPerson}
                data-testid="votes-per-person"
                onChange={(event) =>
                  setVotesPerPerson(
                    Math.min(
                      LIMITS.votesPerPerson,
                      Math.max(1, Math.round(Number(event.target.value) || 1)),
                    ),
                  )
                }
              />
            </label>
            <SelectField
              label="Ends"
              value={duration}
              options={DURATIONS}
              onChange={setDuration}
              testId="vote-duration"
            />
          </div>
          <ToggleField
            label="Several dots on one item"
            hint="Let people put more than one of their votes on the same item"
            checked={several}
            onChange={setSeveral}
          />
          <ToggleField
            label="Hidden until the reveal"
            hint="Nobody sees anyone's dots or the counts before you reveal them, so the first votes do not sway the rest"
            checked={hidden}
            onChange={setHidden}
          />
          {error || problem ? (
            <p className="vote-dialog-error" role="alert">
              {error ?? problem}
            </p>
          ) : (
            <p className="vote-dialog-summary" data-testid="vote-summary">
              {plural(items.length, 'item', 'items')} · {plural(votesPerPerson, 'vote', 'votes')}{' '}
              each
            </p>
          )}
        </div>
        <div className="tl-dialog__actions">
          <button type="button" className="tl-button tl-button--ghost" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            className="tl-button tl-button--primary"
            data-testid="start-vote"
            disabled={problem !== null || starting}
          >
            {starting ? 'Starting…' : 'Start vote'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
