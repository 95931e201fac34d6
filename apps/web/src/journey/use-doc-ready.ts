import { useEffect, useState } from 'react'
import type { JourneySession } from '../collab/session'

/** How long an offline page with an empty local copy waits before showing the blank doc. */
const OFFLINE_GRACE_MS = 4000

function hasContent(session: JourneySession): boolean {
  return session.doc.getMap('meta').size > 0 || session.provider.synced
}

/**
 * True once the doc holds the journey (from this browser's copy or from the server), so the
 * editor never flashes an empty "new journey" state while a full journey is still loading.
 */
export function useDocReady(session: JourneySession): boolean {
  const [ready, setReady] = useState(() => hasContent(session))
  useEffect(() => {
    if (ready) return
    const check = () => {
      if (hasContent(session)) setReady(true)
    }
    let timer: ReturnType<typeof setTimeout> | null = null
    let cancelled = false
    session.doc.on('update', check)
    session.provider.on('sync', check)
    void session.whenLoaded.then(() => {
      if (cancelled) return
      check()
      timer = setTimeout(() => setReady(true), OFFLINE_GRACE_MS)
    })
    return () => {
      cancelled = true
      if (timer !== null) clearTimeout(timer)
      session.doc.off('update', check)
      session.provider.off('sync', check)
    }
  }, [session, ready])
  return ready
}
