import { useEffect, useRef, useState } from 'react'
import { type JourneySession, openJourneySession, type PresenceUser } from './session.js'

/**
 * Opens a session for as long as the component is mounted. The session is created in an
 * effect (not during render) so React's double-invoked effects in development open and close
 * it cleanly instead of leaking a socket.
 */
export function useJourneySession(
  journeyId: string,
  token: string | null,
  user: PresenceUser,
): JourneySession | null {
  const [session, setSession] = useState<JourneySession | null>(null)
  // A new name, colour or issued id is applied to the open session below; it must not reconnect it.
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
    session.user = { id: user.id, name: user.name, color: user.color }
    session.awareness.setLocalStateField('user', session.user)
  }, [session, user.id, user.name, user.color])

  return session
}
