import type { MiddlewareHandler } from 'hono'
import { isJourneyId } from '../storage/journey-id.js'
import { apiError } from './api-error.js'

/** Refuses a malformed `:id` before it reaches auth, storage or a log line. */
export const journeyIdParam: MiddlewareHandler = async (c, next) => {
  if (!isJourneyId(c.req.param('id'))) {
    return apiError(c, 400, 'invalid journey id: use 1 to 64 letters, digits, "_" or "-"')
  }
  await next()
}
