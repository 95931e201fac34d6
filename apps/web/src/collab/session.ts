import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createApiClient } from '../api/client.js'
import { ApiError } from '../api/errors.js'
import { isPermanentClose, type Refusal, refusalFor } from './close-reasons.js'
import { type ConnectionMonitor, monitorConnection } from './connection-monitor.js'
import type { Profile } from './identity.js'
import { unsentMarker } from './unsent-marker.js'

type Awareness = WebsocketProvider['awareness']

/**
 * Who this person is to the others on the journey, as awareness carries it: the chosen name and
 * colour, and the participant id once the server has issued one (null until then), so a
 * mention or a comment author can be matched to a face on the journey.
 */
export interface PresenceUser extends Profile {
  id: string | null
}

/** One open journey: its shared document, its connection to the server and its local copy. */
export interface JourneySession {
  journeyId: string
  doc: Y.Doc
  provider: WebsocketProvider
  awareness: Awareness
  user: PresenceUser
  /** The access token the page was opened with, also used by the review socket and API. */
  token: string | null
  /** `ws(s)://host/sync`, the base every socket of this journey connects to. */
  serverUrl: string
  indexeddb: IndexeddbPersistence
  connection: ConnectionMonitor
  /** Resolves once the local copy (IndexedDB) has been loaded into the doc. */
  whenLoaded: Promise<void>
  destroy(): void
}

export interface OpenSessionOptions {
  user: PresenceUser
  token?: string | null
  /** `ws(s)://host/sync`; derived from the page's address when omitted. */
  serverUrl?: string
  /** Origin of the REST API, used to explain refused connections; the page's when omitted. */
  apiBaseUrl?: string
}

export function defaultSyncUrl(location: Location = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}/sync`
}

function localStore(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

/** Maps what the REST API says about a journey onto the reason its socket was refused. */
async function explainRefusal(
  journeyId: string,
  options: OpenSessionOptions,
): Promise<Refusal | null> {
  const api = createApiClient({ baseUrl: options.apiBaseUrl, token: options.token ?? null })
  if (!(await api.health())) return null
  try {
    await api.exportJourney(journeyId)
    return null
  } catch (error) {
    if (!(error instanceof ApiError)) return null
    // A revoked link is refused before the upgrade too, once its sockets have been closed.
    if (error.status === 401 && error.reason === 'link revoked') return refusalFor(4403)
    if (error.status === 401 || error.status === 403) return refusalFor(401)
    if (error.status === 404) return refusalFor(4404)
    if (error.status === 410) return refusalFor(4410)
    return null
  }
}

/**
 * Opens a journey for editing: a fresh Y.Doc kept in IndexedDB (so edits made offline survive a
 * reload) and synced through the stock y-websocket provider (which merges them on reconnect).
 * The person's id, name and colour go into awareness for collaborators' cursors and avatars.
 */
export function openJourneySession(journeyId: string, options: OpenSessionOptions): JourneySession {
  const doc = new Y.Doc()
  const indexeddb = new IndexeddbPersistence(`touchline:journey:${journeyId}`, doc)
  const params: Record<string, string> = options.token ? { token: options.token } : {}
  const serverUrl = options.serverUrl ?? defaultSyncUrl()
  const provider = new WebsocketProvider(serverUrl, journeyId, doc, {
    params,
    shouldReconnect: (event) => !isPermanentClose(event.code),
  })
  const awareness = provider.awareness
  // Picked field by field: the caller may hand over the whole identity, whose token must never
  // reach other browsers.
  const user: PresenceUser = {
    id: options.user.id,
    name: options.user.name,
    color: options.user.color,
  }
  awareness.setLocalStateField('user', user)

  const connection = monitorConnection(doc, provider, {
    remoteOrigins: new Set<unknown>([indexeddb]),
    marker: unsentMarker(journeyId, localStore()),
    diagnose: () => explainRefusal(journeyId, options),
  })

  // Leaving the page removes this person's cursor for the others at once; coming back from the
  // back/forward cache puts them back.
  const onPageHide = (): void => awareness.setLocalState(null)
  const onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted) awareness.setLocalStateField('user', { ...session.user })
  }
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', onPageHide)
    window.addEventListener('pageshow', onPageShow)
  }

  let destroyed = false
  const session: JourneySession = {
    journeyId,
    doc,
    provider,
    awareness,
    user,
    token: options.token ?? null,
    serverUrl,
    indexeddb,
    connection,
    whenLoaded: indexeddb.whenSynced.then(() => undefined),
    destroy() {
      if (destroyed) return
      destroyed = true
      if (typeof window !== 'undefined') {
        window.removeEventListener('pagehide', onPageHide)
        window.removeEventListener('pageshow', onPageShow)
      }
      connection.destroy()
      // Leaving clears our cursor and avatar for the others right away instead of on timeout.
      awareness.setLocalState(null)
      provider.destroy()
      void indexeddb.destroy()
      doc.destroy()
    },
  }
  return session
}
