import { healthChecks } from '@touchline/model'
import { useDeferredValue, useMemo } from 'react'
import { CommentsPanel } from '../../review/comments/CommentsPanel'
import { useReviewStore } from '../../review/ReviewContext'
import { useReviewUi } from '../../review/ReviewUiContext'
import { type ReviewStoreState, selectOpenSession } from '../../review/review-store'
import { VotesPanel } from '../../review/votes/VotesPanel'
import { CommentIcon, DotVoteIcon, InspectIcon, PeopleIcon, PulseIcon } from '../chrome/icons'
import { useActions, useJourneyState } from '../store/editor-context'
import type { SidePanel as PanelId } from '../store/journey-store'
import { HealthPanel } from './HealthPanel'
import { Inspector } from './Inspector'
import { PersonasPanel } from './PersonasPanel'
import './panels.css'

const openThreadCount = (state: ReviewStoreState) =>
  state.threads.filter((thread) => !thread.comment.resolved).length
const voting = (state: ReviewStoreState) => selectOpenSession(state) !== null

/** The right-hand panel: inspector, personas, health, comments and votes, one tab at a time. */
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
  const openThreads = useReviewStore(openThreadCount)
  const unread = useReviewUi((state) => state.unread.threads.size)
  const votingNow = useReviewStore(voting)
  const tabs: {
    id: PanelId
    label: string
    icon: React.ReactNode
    badge?: number
    alert?: boolean
  }[] = [
    { id: 'inspector', label: 'Inspector', icon: <InspectIcon size={16} /> },
    {
      id: 'personas',
      label: 'Personas',
      icon: <PeopleIcon size={16} />,
      badge: journey.personas.length,
    },
    { id: 'health', label: 'Health', icon: <PulseIcon size={16} />, badge: problems, alert: true },
    {
      id: 'comments',
      label: 'Comments',
      icon: <CommentIcon size={16} />,
      // New comments are what needs looking at; otherwise, how many are still open.
      badge: unread || openThreads,
      alert: unread > 0,
    },
    { id: 'votes', label: 'Votes', icon: <DotVoteIcon size={16} /> },
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
            title={tab.label}
            aria-label={tab.badge ? `${tab.label} (${tab.badge})` : tab.label}
            onClick={() => actions.setPanel(tab.id)}
          >
            {tab.icon}
            <span className="side-tab-label">{tab.label}</span>
            {tab.badge ? (
              <span
                className={tab.alert ? `tab-badge is-alert is-${tab.id}` : 'tab-badge'}
                data-testid={`tab-${tab.id}-badge`}
              >
                {tab.badge}
              </span>
            ) : null}
            {tab.id === 'votes' && votingNow ? (
              <span className="tab-live" title="A vote is under way" />
            ) : null}
          </button>
        ))}
      </div>
      <div className="side-content" role="tabpanel">
        {panel === 'inspector' ? <Inspector /> : null}
        {panel === 'personas' ? <PersonasPanel /> : null}
        {panel === 'health' ? <HealthPanel /> : null}
        {panel === 'comments' ? <CommentsPanel /> : null}
        {panel === 'votes' ? <VotesPanel /> : null}
      </div>
    </aside>
  )
}
