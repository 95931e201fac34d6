import { useSyncExternalStore } from 'react'
import type { ConnectionSnapshot } from './connection-monitor.js'
import type { JourneySession } from './session.js'

/** The session's live connection status, re-rendering only when it changes. */
export function useConnection(session: JourneySession): ConnectionSnapshot {
  const { connection } = session
  return useSyncExternalStore(connection.subscribe, connection.getSnapshot)
}
