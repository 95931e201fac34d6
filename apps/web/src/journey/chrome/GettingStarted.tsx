import { useState } from 'react'
import { useActions, useCanEdit, useJourneyState } from '../store/editor-context'
import { CardIcon, PeopleIcon, PulseIcon } from './icons'

/**
 * Shown on a journey without touchpoints: the three moves that make a journey map worth
 * drawing (who, what happens, how it feels), each one click away.
 */
export function GettingStarted() {
  const empty = useJourneyState((state) => state.journey.touchpoints.length === 0)
  const hasPersonas = useJourneyState((state) => state.journey.personas.length > 0)
  const actions = useActions()
  const canEdit = useCanEdit()
  const [dismissed, setDismissed] = useState(false)
  if (!empty || dismissed || !canEdit) return null
  return (
    <section className="getting-started" aria-label="Getting started" data-testid="getting-started">
      <header>
        <h2>Map the journey your buyers take</h2>
        <button
          type="button"
          className="tl-icon-button"
          aria-label="Hide the introduction"
          onClick={() => setDismissed(true)}
        >
          ×
        </button>
      </header>
      <ol>
        <li className={hasPersonas ? 'is-done' : ''}>
          <PeopleIcon size={20} />
          <div>
            <strong>Who is buying?</strong>
            <span>Add the buying group: decision-maker, evaluators, users, a champion.</span>
          </div>
          <button
            type="button"
            className="tl-button tl-button--small"
            onClick={() => actions.addPersona()}
          >
            Add a persona
          </button>
        </li>
        <li>
          <CardIcon size={20} />
          <div>
            <strong>Where do they meet you?</strong>
            <span>
              Double-click a stage column, press <kbd>N</kbd>, or use the button. Drag between
              cards’ edges to connect the steps.
            </span>
          </div>
          <button
            type="button"
            className="tl-button tl-button--small tl-button--primary"
            onClick={() => actions.addTouchpointNearSelection()}
          >
            Add a touchpoint
          </button>
        </li>
        <li>
          <PulseIcon size={20} />
          <div>
            <strong>How does it feel?</strong>
            <span>
              Rate each persona from −3 to +3 in the inspector: the emotional curve below shows
              where the experience dips, and Health lists dead ends and missing nurture loops.
            </span>
          </div>
        </li>
      </ol>
    </section>
  )
}
