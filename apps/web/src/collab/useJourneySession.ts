import { useEffect, useRef, useState } from 'react'
import type { Identity } from './identity.js'
import { type JourneySession, openJourneySession } from './session.js'

/**
 * Opens a session for as long as the component is mounted. The session is created in an
 * effect (not during render) so React's double-invoked effects in development open and close
 * it cleanly instead of leaking a socket.
 */
export function useJourneySession(
  journeyId: string,
  token: string | null,
  user: Identity,
): JourneySession | null {
  const [session, setSession] = useState<JourneySession | null>(null)
  // A new name or colour is applied to the open session below; it must not reconnect it.
  const latestUser = useRef(user)
  latestUser.current = user

  useEffect(() => {
    const opened = openJourneySession(journeyId, { user: latestUser.current, token })
    setSession(opened)
    return () => {
      setSession(null)
      opened.destroy()
    }
  }, [journeyId, token])

  useEffect(() => {
    if (!session) return
    session.user = { name: user.name, color: user.color }
    session.awareness.setLocalStateField('user', session.user)
  }, [session, user.name, user.color])

  return session
}
