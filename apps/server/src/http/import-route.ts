import { importJourney, LIMITS } from '@touchline/model'
import { Hono } from 'hono'
import { storeNewJourney } from '../storage/store-new-journey.js'
import { apiError } from './api-error.js'
import type { AppEnv, HttpDeps } from './app-env.js'
import { readJsonBody } from './read-json-body.js'
import { requireAuth } from './require-auth.js'

/**
 * `POST /api/journeys/import`: a journey file becomes a new journey with a fresh id, or
 * nothing is stored and every issue the model found is returned with its path. The file's
 * comments and vote sessions go to the new journey's review document.
 */
export function importRoute(deps: HttpDeps) {
  const maxBytes = deps.maxImportBytes ?? LIMITS.importBytes
  return new Hono<AppEnv>().post('/', requireAuth(deps.auth, '*', 'editor'), async (c) => {
    const body = await readJsonBody(c, maxBytes)
    if (!body.ok) return body.response
    const result = importJourney(body.value)
    if (!result.ok) {
      return apiError(c, 400, 'this is not a valid Touchline journey file', result.issues)
    }
    const id = await storeNewJourney(deps.store, result.doc)
    await deps.review.storeImported(id, result.review)
    deps.logger.info({ journeyId: id }, 'journey imported')
    return c.json({ id }, 201)
  })
}
