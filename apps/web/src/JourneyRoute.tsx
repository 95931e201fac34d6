import type { Identity } from './collab/identity.js'
import { useJourneySession } from './collab/useJourneySession.js'
import { JourneyPage } from './journey/JourneyPage.js'
import { navigate } from './routing/navigation.js'

interface JourneyRouteProps {
  journeyId: string
  token: string | null
  identity: Identity
}

/** Opens the journey's session for as long as its page is shown. */
export function JourneyRoute({ journeyId, token, identity }: JourneyRouteProps) {
  const session = useJourneySession(journeyId, token, identity)
  if (!session) return null
  return <JourneyPage key={journeyId} session={session} onExit={() => navigate('/')} />
}
