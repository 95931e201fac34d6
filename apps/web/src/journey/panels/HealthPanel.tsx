import { type Finding, HEALTH_RULES, healthChecks, type Severity } from '@touchline/model'
import { useReactFlow } from '@xyflow/react'
import { useDeferredValue, useMemo } from 'react'
import { useActions, useEditor, useJourneyState } from '../store/editor-context'
import { centreOn } from '../store/focus'

const SEVERITIES: { id: Severity; label: string }[] = [
  { id: 'error', label: 'Errors' },
  { id: 'warning', label: 'Warnings' },
  { id: 'info', label: 'Suggestions' },
]

const RULE_TITLES = new Map<string, string>(HEALTH_RULES.map((rule) => [rule.id, rule.title]))

/**
 * The model's health findings, live, grouped by severity. Clicking one selects what it is about
 * and brings it into view.
 */
export function HealthPanel() {
  // Checking thousands of cards must not hold up the canvas painting an edit.
  const journey = useDeferredValue(useJourneyState((state) => state.journey))
  const { store } = useEditor()
  const actions = useActions()
  const flow = useReactFlow()
  const findings = useMemo(() => healthChecks(journey), [journey])
  const personaIds = useMemo(() => new Set(journey.personas.map((p) => p.id)), [journey.personas])

  const open = (finding: Finding) => {
    const persona = finding.targets.find((id) => personaIds.has(id))
    const others = finding.targets.filter((id) => !personaIds.has(id))
    if (others.length > 0) centreOn(flow, store, actions, others)
    else if (persona) {
      actions.setPersonaFilter(persona)
      actions.setPanel('personas')
    }
  }

  return (
    <div className="health-panel" data-testid="health-panel">
      <div className="health-counts">
        {SEVERITIES.map((severity) => (
          <span key={severity.id} className={`health-count severity-${severity.id}`}>
            <strong>{findings.filter((f) => f.severity === severity.id).length}</strong>
            {severity.label}
          </span>
        ))}
      </div>
      {findings.length === 0 ? (
        <div className="panel-empty">
          <strong>
            {journey.touchpoints.length === 0 ? 'Nothing to check yet' : 'Looks healthy'}
          </strong>
          <span>
            {journey.touchpoints.length === 0
              ? 'Add touchpoints and connections; dead ends, missing nurture loops and emotional drops show up here.'
              : 'No dead ends, gaps or emotional drops found.'}
          </span>
        </div>
      ) : null}
      {SEVERITIES.map((severity) => {
        const group = findings.filter((f) => f.severity === severity.id)
        if (group.length === 0) return null
        return (
          <section key={severity.id} className="health-group">
            <h3>
              {severity.label} <span className="field-count">{group.length}</span>
            </h3>
            <ul>
              {group.map((finding, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: findings are recomputed; rule and position identify them.
                <li key={`${finding.rule}:${index}`}>
                  <button
                    type="button"
                    className={`finding severity-${finding.severity}`}
                    data-testid="health-finding"
                    data-rule={finding.rule}
                    onClick={() => open(finding)}
                  >
                    <span className="finding-rule">
                      {RULE_TITLES.get(finding.rule) ?? finding.rule}
                    </span>
                    <span className="finding-message">{finding.message}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )
      })}
    </div>
  )
}
