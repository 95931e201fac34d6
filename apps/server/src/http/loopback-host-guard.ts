import type { MiddlewareHandler } from 'hono'
import { isLoopbackHost } from '../auth/index.js'
import { apiError } from './api-error.js'

/**
 * Without a secret nothing checks who is asking, which is safe only while every request
 * comes from this machine. A web page can get around that by pointing its own domain at
 * 127.0.0.1 (DNS rebinding); its requests then carry that domain in `Host`, so only
 * loopback names are accepted.
 */
export const loopbackHostGuard: MiddlewareHandler = async (c, next) => {
  // The Node adapter builds the request URL from the Host header.
  if (!isLoopbackHost(new URL(c.req.url).hostname)) {
    return apiError(
      c,
      403,
      'this server has no TOUCHLINE_SECRET, so it only answers requests addressed to localhost or 127.0.0.1',
    )
  }
  await next()
}
