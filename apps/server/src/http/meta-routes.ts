import { TEMPLATES } from '@touchline/model'
import { Hono } from 'hono'
import type { AppEnv, HttpDeps } from './app-env.js'
import { requireAuth } from './require-auth.js'
import { serverVersion } from './version.js'

/**
 * Health answers without a token so load balancers and uptime checks can use it; it
 * reveals nothing but the version. Templates are the model's, for the "new journey" form.
 */
export function metaRoutes(deps: HttpDeps) {
  const version = deps.version ?? serverVersion()
  return (
    new Hono<AppEnv>()
      // `auth` lets the web app know whether share links can exist before offering them.
      .get('/health', (c) =>
        c.json({ status: 'ok' as const, version, auth: deps.auth.required ? 'token' : 'open' }),
      )
      .get('/templates', requireAuth(deps.auth, null, 'viewer'), (c) =>
        c.json(TEMPLATES.map(({ id, name, description }) => ({ id, name, description }))),
      )
  )
}
