import { useId, useState } from 'react'
import type { ConnectionSnapshot } from './connection-monitor.js'
import type { JourneySession } from './session.js'
import { useConnection } from './useConnection.js'
import './ConnectionStatus.css'

const LABELS: Record<ConnectionSnapshot['state'], string> = {
  connected: 'Live',
  connecting: 'Connecting…',
  offline: 'Offline',
}

function explain(snapshot: ConnectionSnapshot): string {
  if (snapshot.refusal) return snapshot.refusal.message
  if (snapshot.state === 'connected') {
    return snapshot.unsent
      ? 'Connected. Your latest changes are being sent.'
      : 'Connected. Everyone here sees your changes as you make them.'
  }
  if (snapshot.state === 'connecting') return 'Connecting to the server…'
  return snapshot.unsent
    ? 'You can keep working: your changes are saved in this browser and will be merged when the connection comes back.'
    : 'The server cannot be reached. You can keep working; changes will be merged when the connection comes back.'
}

/**
 * Always-visible sync status: whether this journey is live, and whether local changes are
 * still waiting to reach the server. Click for details and to retry right away.
 */
export function ConnectionStatus({ session }: { session: JourneySession }) {
  const snapshot = useConnection(session)
  const [open, setOpen] = useState(false)
  const detailsId = useId()
  const label = snapshot.refusal ? snapshot.refusal.title : LABELS[snapshot.state]
  const showDetails = open || snapshot.refusal !== null

  return (
    <div className="tl-connection">
      <button
        type="button"
        className="tl-connection__pill"
        data-testid="connection-status"
        data-state={snapshot.state}
        data-unsent={String(snapshot.unsent)}
        data-refused={snapshot.refusal ? String(snapshot.refusal.code) : undefined}
        aria-expanded={showDetails}
        aria-controls={detailsId}
        aria-live="polite"
        title={explain(snapshot)}
        onClick={() => setOpen((value) => !value)}
      >
        <span className={`tl-connection__dot tl-connection__dot--${snapshot.state}`} />
        <span>{label}</span>
        {snapshot.unsent && <span className="tl-connection__unsent">Unsent changes</span>}
      </button>
      {showDetails && (
        <div className="tl-connection__details" id={detailsId} role="status">
          <p>{explain(snapshot)}</p>
          {snapshot.state === 'offline' && !snapshot.refusal && (
            <button
              type="button"
              className="tl-button tl-button--small"
              onClick={() => session.connection.retry()}
            >
              Retry now
            </button>
          )}
          {snapshot.refusal && (
            <a className="tl-button tl-button--small" href="/">
              Back to journeys
            </a>
          )}
        </div>
      )}
    </div>
  )
}
