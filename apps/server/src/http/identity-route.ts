import { Hono } from 'hono'
import { parseParticipant } from './acting-participant.js'
import { apiError } from './api-error.js'
import type { AppEnv, HttpDeps } from './app-env.js'
import { isRecord, readJsonBody } from './read-json-body.js'
import { requireAuth } from './require-auth.js'

/** A name and a colour fit in far less. */
const IDENTITY_BODY_BYTES = 4 * 1024

/**
 * `POST /api/identity {name, color}`: a new participant identity, `201 {identity, token}`.
 * Anyone who may reach a journey may have one (the token of any journey and role); the
 * token is what later requests prove it with.
 */
export function identityRoute(deps: HttpDeps) {
  return new Hono<AppEnv>().post('/', requireAuth(deps.auth, null, 'viewer'), async (c) => {
    const body = await readJsonBody(c, IDENTITY_BODY_BYTES)
    if (!body.ok) return body.response
    if (!isRecord(body.value)) return apiError(c, 400, 'send an object {name, color}')
    const { id, token } = deps.identities.issue()
    const parsed = parseParticipant(id, body.value)
    if (!parsed.ok) {
      // The same fields as every request's `author`, but here they are the whole body.
      const issues = parsed.issues.map((issue) => ({
        ...issue,
        path: issue.path.replace(/^author\.?/, ''),
      }))
      return apiError(c, 400, 'invalid identity', issues)
    }
    return c.json({ identity: parsed.participant, token }, 201)
  })
}
