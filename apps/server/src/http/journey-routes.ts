import { createJourneyDoc, createJourneyFromTemplate, exportJourney } from '@touchline/model'
import { Hono } from 'hono'
import { grantCovers } from '../auth/index.js'
import { storeNewJourney } from '../storage/store-new-journey.js'
import { apiError } from './api-error.js'
import type { AppEnv, HttpDeps } from './app-env.js'
import { attachmentDisposition } from './attachment-name.js'
import { parseCreateRequest } from './create-request.js'
import { journeyIdParam } from './journey-id-param.js'
import { readJsonBody } from './read-json-body.js'
import { requireAuth } from './require-auth.js'

/** A title and a template id fit in far less; anything bigger is not a real request. */
const CREATE_BODY_BYTES = 64 * 1024

/** Listing, creating, exporting and deleting journeys. */
export function journeyRoutes(deps: HttpDeps) {
  const { store, docs, auth } = deps
  return new Hono<AppEnv>()
    .get('/', requireAuth(auth, null, 'viewer'), async (c) => {
      const grant = c.get('grant')
      const journeys = (await store.list()).filter((j) => grantCovers(grant, j.id))
      return c.json(
        journeys.map(({ id, title, counts, createdAt, updatedAt }) => ({
          id,
          title,
          counts,
          createdAt,
          updatedAt,
        })),
      )
    })
    .post('/', requireAuth(auth, '*', 'editor'), async (c) => {
      const body = await readJsonBody(c, CREATE_BODY_BYTES)
      if (!body.ok) return body.response
      const parsed = parseCreateRequest(body.value)
      if (!parsed.ok) return apiError(c, 400, 'invalid journey', parsed.issues)
      const { title, template } = parsed.request
      const doc = template
        ? createJourneyFromTemplate(template, title)
        : createJourneyDoc({ title })
      const id = await storeNewJourney(store, doc)
      deps.logger.info({ journeyId: id, template }, 'journey created')
      return c.json({ id }, 201)
    })
    .get('/:id/export', journeyIdParam, requireAuth(auth, 'journey-param', 'viewer'), async (c) => {
      const id = c.req.param('id')
      // The review's comments and sessions travel with the journey; hidden ballots never.
      const file = await deps.review.read(id, (live) =>
        exportJourney(live.journey, { review: live.review }),
      )
      if (!file) return apiError(c, 404, `journey ${id} not found`)
      c.header('Content-Disposition', attachmentDisposition(file.journey.title, id))
      return c.json(file)
    })
    .delete('/:id', journeyIdParam, requireAuth(auth, 'journey-param', 'editor'), async (c) => {
      const id = c.req.param('id')
      if (!(await docs.deleteJourney(id))) return apiError(c, 404, `journey ${id} not found`)
      deps.logger.info({ journeyId: id }, 'journey deleted')
      return c.body(null, 204)
    })
}
