import type { MiddlewareHandler } from 'hono'
import type { Auth, AuthTarget, Role } from '../auth/index.js'
import { apiError } from './api-error.js'
import type { AppEnv } from './app-env.js'

/**
 * Admits a request only with a token good enough for `needed` on the target the route
 * works on (the `:id` journey, all journeys, or none in particular), and whose share link
 * (if it is one) stands, and stores the grant.
 */
export function requireAuth(
  auth: Auth,
  target: 'journey-param' | Exclude<AuthTarget, string> | '*',
  needed: Role,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const resolved = target === 'journey-param' ? (c.req.param('id') ?? null) : target
    const decision = await auth.authorize(c.req.raw, resolved, needed)
    if (!decision.ok) {
      if (decision.status === 401) c.header('WWW-Authenticate', 'Bearer realm="touchline"')
      return apiError(c, decision.status, decision.error)
    }
    c.set('grant', decision.grant)
    await next()
  }
}
