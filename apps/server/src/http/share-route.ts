import { Hono } from 'hono'
import { isRole, parseTtl, ROLES } from '../auth/index.js'
import { type ApiIssue, apiError } from './api-error.js'
import type { AppEnv, HttpDeps } from './app-env.js'
import { journeyIdParam } from './journey-id-param.js'
import { isRecord, readJsonBody } from './read-json-body.js'
import { requireAuth } from './require-auth.js'

const SHARE_BODY_BYTES = 4 * 1024
const DEFAULT_TTL = '7d'

/**
 * `POST /api/journeys/:id/share {role, ttl}`: an editor mints a link for one journey.
 * The new token never outlives the editor's own, so sharing cannot extend access.
 */
export function shareRoute(deps: HttpDeps) {
  const { auth, store } = deps
  return new Hono<AppEnv>().post(
    '/:id/share',
    journeyIdParam,
    requireAuth(auth, 'journey-param', 'editor'),
    async (c) => {
      const id = c.req.param('id')
      if (!auth.canMint) {
        return apiError(
          c,
          409,
          'share links need TOUCHLINE_SECRET: without it the server does not check tokens, so a link could not limit what its holder may do',
        )
      }
      const body = await readJsonBody(c, SHARE_BODY_BYTES)
      if (!body.ok) return body.response
      const value = isRecord(body.value) ? body.value : {}
      const issues: ApiIssue[] = []
      if (!isRole(value.role)) {
        issues.push({ path: 'role', message: `must be one of ${ROLES.join(', ')}` })
      }
      const ttlInput = value.ttl ?? DEFAULT_TTL
      const ttl =
        typeof ttlInput === 'string' || typeof ttlInput === 'number'
          ? parseTtl(ttlInput)
          : { error: 'must be a duration such as 7d, or a number of seconds' }
      if ('error' in ttl) issues.push({ path: 'ttl', message: ttl.error })
      if (!isRecord(body.value) || !isRole(value.role) || 'error' in ttl) {
        return apiError(c, 400, 'invalid share request', issues)
      }
      if (!(await store.exists(id))) return apiError(c, 404, `journey ${id} not found`)
      const { token, expiresAt } = auth.mint(id, value.role, ttl.seconds, c.get('grant').expiresAt)
      const url = new URL(`/j/${id}`, c.req.url)
      url.searchParams.set('token', token)
      return c.json({
        token,
        url: url.toString(),
        expiresAt: new Date(expiresAt * 1000).toISOString(),
      })
    },
  )
}
