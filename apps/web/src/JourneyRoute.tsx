import { lazy, Suspense } from 'react'
import type { Identity } from './collab/identity.js'
import type { JourneySession } from './collab/session.js'
import { useConnection } from './collab/useConnection.js'
import { useJourneySession } from './collab/useJourneySession.js'
import { useRegistration } from './collab/useRegistration.js'
import { navigate } from './routing/navigation.js'
import { homeHref } from './routing/route.js'
import { FullPageMessage } from './shell/FullPageMessage.js'
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

/**
 * The editor, unless the server refused a journey this browser has never had: then there is
 * nothing to edit, and an empty canvas would suggest otherwise. A refusal after content arrived
 * (say, the journey was deleted meanwhile) keeps the editor, so the local copy can be exported.
 */
function JourneyOrRefusal({ session, token }: { session: JourneySession; token: string | null }) {
  const { refusal, hasSynced } = useConnection(session)
  const nothingLocal = session.doc.getMap('meta').size === 0
  if (refusal && !hasSynced && nothingLocal) {
    return <FullPageMessage title={refusal.title}>{refusal.message}</FullPageMessage>
  }
  return (
    <Suspense fallback={<Opening />}>
      <JourneyPage session={session} onExit={() => navigate(homeHref(token))} />
    </Suspense>
  )
}

/** Opens the journey's session for as long as its page is shown. */
export function JourneyRoute({ journeyId, token, identity }: JourneyRouteProps) {
  useRegistration(identity, token)
  const session = useJourneySession(journeyId, token, identity)
  if (!session) return <Opening />
  return <JourneyOrRefusal key={journeyId} session={session} token={token} />
}
