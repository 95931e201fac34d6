import { healthChecks } from '@touchline/model'
import { useDeferredValue, useMemo } from 'react'
import { InspectIcon, PeopleIcon, PulseIcon } from '../chrome/icons'
import { useActions, useJourneyState } from '../store/editor-context'
import type { SidePanel as PanelId } from '../store/journey-store'
import { HealthPanel } from './HealthPanel'
import { Inspector } from './Inspector'
import { PersonasPanel } from './PersonasPanel'
import './panels.css'

/** The right-hand panel: inspector, personas and journey health, one tab at a time. */
export function SidePanel() {
  const panel = useJourneyState((state) => state.panel)
  const journey = useJourneyState((state) => state.journey)
  // Checking thousands of cards must not hold up the canvas painting an edit.
  const checked = useDeferredValue(journey)
  const actions = useActions()
  const problems = useMemo(
    () => healthChecks(checked).filter((finding) => finding.severity !== 'info').length,
    [checked],
  )
  const tabs: { id: PanelId; label: string; icon: React.ReactNode; badge?: number }[] = [
    { id: 'inspector', label: 'Inspector', icon: <InspectIcon size={16} /> },
    {
      id: 'personas',
      label: 'Personas',
      icon: <PeopleIcon size={16} />,
      badge: journey.personas.length,
    },
    { id: 'health', label: 'Health', icon: <PulseIcon size={16} />, badge: problems },
  ]
  return (
    <aside className="side-panel" aria-label="Journey details">
      <div className="side-tabs" role="tablist">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={panel === tab.id}
            className={panel === tab.id ? 'side-tab is-active' : 'side-tab'}
            data-testid={`tab-${tab.id}`}
            onClick={() => actions.setPanel(tab.id)}
          >
            {tab.icon}
            {tab.label}
            {tab.badge ? (
              <span className={tab.id === 'health' ? 'tab-badge is-alert' : 'tab-badge'}>
                {tab.badge}
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <div className="side-content" role="tabpanel">
        {panel === 'inspector' ? <Inspector /> : null}
        {panel === 'personas' ? <PersonasPanel /> : null}
        {panel === 'health' ? <HealthPanel /> : null}
      </div>
    </aside>
  )
}
