import type { MiddlewareHandler } from 'hono'
import type { Logger } from 'pino'

/**
 * One debug line per HTTP request. Only the path is logged, never the query string or
 * headers, because either may carry a token.
 */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now()
    await next()
    logger.debug(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'http request',
    )
  }
}
