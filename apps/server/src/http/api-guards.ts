import type { MiddlewareHandler } from 'hono'
import { apiError } from './api-error.js'

/**
 * Applied to every /api route. Answers carry journey data that must not sit in shared
 * caches, and a body that claims not to be JSON is refused: a page on another site can
 * send `text/plain` without asking the browser first, but never `application/json`.
 */
export const apiGuards: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'POST' || c.req.method === 'PUT' || c.req.method === 'PATCH') {
    const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase()
    if (type !== 'application/json') {
      return apiError(c, 415, 'send the body as JSON with "Content-Type: application/json"')
    }
  }
  await next()
  c.header('Cache-Control', c.res.headers.get('Cache-Control') ?? 'no-store')
  c.header('X-Content-Type-Options', 'nosniff')
}
