import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Logger } from 'pino'
import { UnsupportedJourneyError } from '../rooms/load-journey.js'
import { sizedJson } from './sized-json.js'

/** One problem in a request body, located by a path such as `touchpoints[3].stageId`. */
export type ApiIssue = { path: string; message: string }

/** Every error the API sends has this shape, whatever went wrong. */
export type ApiErrorBody = { error: string; issues?: ApiIssue[] }

export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  error: string,
  issues?: ApiIssue[],
): Response {
  const body: ApiErrorBody = issues === undefined ? { error } : { error, issues }
  return sizedJson(c, body, status)
}

export const apiNotFound: NotFoundHandler = (c) =>
  apiError(c, 404, `no such route: ${c.req.method} ${c.req.path}`)

/** Turns anything thrown by a route into JSON; unexpected errors are logged, never shown. */
export function apiErrorHandler(logger: Logger): ErrorHandler {
  return (err, c) => {
    if (err instanceof HTTPException) {
      return apiError(c, err.status as ContentfulStatusCode, err.message || 'request failed')
    }
    // The journey is fine where it is; this server is too old to read it.
    if (err instanceof UnsupportedJourneyError) return apiError(c, 422, err.message)
    logger.error({ err, method: c.req.method, path: c.req.path }, 'request failed')
    return apiError(c, 500, 'internal server error')
  }
}
