import { useReactFlow } from '@xyflow/react'
import { ConnectionStatus } from '../../collab/ConnectionStatus'
import type { JourneySession } from '../../collab/session'
import { ReviewTools } from '../../review/ReviewTools'
import { ShareButton } from '../../share/ShareButton'
import { Logo } from '../../shell/icons'
import { ExportMenu } from '../export/ExportMenu'
import { PresenceAvatars } from '../presence/PresenceAvatars'
import type { Peer } from '../presence/peers'
import { useActions, useCanEdit, useJourneyState } from '../store/editor-context'
import { bringIntoView } from '../store/focus'
import { EditingTools } from './EditingTools'
import { BackIcon, KeyboardIcon } from './icons'
import { RoleBadge } from './RoleBadge'
import { TitleField } from './TitleField'

/** Long enough for React Flow to measure the new node before it is framed. */
const REVEAL_DELAY_MS = 80

interface Props {
  session: JourneySession
  peers: readonly Peer[]
  onExit: () => void
  onShowShortcuts: () => void
}

/** The editor's bar: way back, the journey's name, history, creation, view, export and people. */
export function JourneyTopBar({ session, peers, onExit, onShowShortcuts }: Props) {
  const actions = useActions()
  const title = useJourneyState((state) => state.journey.title)
  const personas = useJourneyState((state) => state.journey.personas)
  const personaFilter = useJourneyState((state) => state.personaFilter)
  const canEdit = useCanEdit()
  const flow = useReactFlow()
  // A new card or stage may be created off screen; bring it into view once it is drawn.
  const reveal = (id: string | null) => {
    if (!id) return
    setTimeout(() => {
      const canvas = document.querySelector('.journey-canvas')
      if (canvas) bringIntoView(flow, id, canvas.getBoundingClientRect())
    }, REVEAL_DELAY_MS)
  }

  return (
    <header className="editor-topbar">
      <div className="editor-topbar-left">
        <button
          type="button"
          className="tl-icon-button"
          onClick={onExit}
          title="All journeys"
          aria-label="Back to all journeys"
        >
          <BackIcon />
        </button>
        <Logo size={24} />
        <TitleField
          value={title}
          readOnly={!canEdit}
          onCommit={(next) => actions.updateJourney({ title: next })}
        />
      </div>
      <div className="editor-topbar-tools">
        {canEdit ? <EditingTools onCreated={reveal} /> : <RoleBadge />}
        <ReviewTools />
        <label className="persona-view" title="Show the journey through one persona's eyes">
          <span>View</span>
          <select
            className="tl-input"
            data-testid="persona-view"
            value={personaFilter ?? ''}
            onChange={(event) => actions.setPersonaFilter(event.target.value || null)}
          >
            <option value="">All personas</option>
            {personas.map((persona) => (
              <option key={persona.id} value={persona.id}>
                {persona.name}
              </option>
            ))}
          </select>
        </label>
        <ExportMenu doc={session.doc} />
      </div>
      <div className="editor-topbar-right">
        <ShareButton />
        <PresenceAvatars me={session.user} peers={peers} />
        <ConnectionStatus session={session} />
        <button
          type="button"
          className="tl-icon-button"
          onClick={onShowShortcuts}
          title="Keyboard shortcuts (?)"
          aria-label="Keyboard shortcuts"
        >
          <KeyboardIcon />
        </button>
      </div>
    </header>
  )
}
