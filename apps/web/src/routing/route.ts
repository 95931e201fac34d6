/** The app's pages. Journey ids follow the server's rule, so a bad link fails here, not later. */
export type Route =
  | { name: 'home'; token: string | null }
  | { name: 'journey'; journeyId: string; token: string | null }
  | { name: 'not-found'; path: string }

const JOURNEY_ID = /^[A-Za-z0-9_-]{1,64}$/

export function parseRoute(pathname: string, search: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/'
  const token = new URLSearchParams(search).get('token') || null
  if (path === '/') return { name: 'home', token }
  const match = /^\/j\/([^/]+)$/.exec(path)
  if (match?.[1]) {
    let journeyId: string
    try {
      journeyId = decodeURIComponent(match[1])
    } catch {
      return { name: 'not-found', path }
    }
    if (JOURNEY_ID.test(journeyId)) return { name: 'journey', journeyId, token }
  }
  return { name: 'not-found', path }
}

export function journeyHref(journeyId: string, token?: string | null): string {
  const base = `/j/${encodeURIComponent(journeyId)}`
  return token ? `${base}?token=${encodeURIComponent(token)}` : base
}

/** The journeys list, keeping an access token so a server that requires one still answers. */
export function homeHref(token?: string | null): string {
  return token ? `/?token=${encodeURIComponent(token)}` : '/'
}

/** The server's JSON export of a journey; a link cannot carry a header, so the token rides along. */
export function exportHref(journeyId: string, token?: string | null): string {
  const base = `/api/journeys/${encodeURIComponent(journeyId)}/export`
  return token ? `${base}?token=${encodeURIComponent(token)}` : base
}
