import { lazy, Suspense } from 'react'
import type { Identity } from './collab/identity.js'
import { useJourneySession } from './collab/useJourneySession.js'
import { navigate } from './routing/navigation.js'
import './JourneyRoute.css'

// The editor (React Flow, panels, exports) is most of the bundle; the home page needs none of it.
const JourneyPage = lazy(() =>
  import('./journey/JourneyPage.js').then((module) => ({ default: module.JourneyPage })),
)

interface JourneyRouteProps {
  journeyId: string
  token: string | null
  identity: Identity
}

function Opening() {
  return (
    <div className="tl-opening" role="status">
      Opening journey…
    </div>
  )
}

/** Opens the journey's session for as long as its page is shown. */
export function JourneyRoute({ journeyId, token, identity }: JourneyRouteProps) {
  const session = useJourneySession(journeyId, token, identity)
  if (!session) return <Opening />
  return (
    <Suspense fallback={<Opening />}>
      <JourneyPage key={journeyId} session={session} onExit={() => navigate('/')} />
    </Suspense>
  )
}
