import type { Context } from 'hono'
import { apiError } from './api-error.js'
import { readLimitedBody } from './read-limited-body.js'

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response }

/** Reads a bounded JSON body, answering 413 when too large and 400 when not JSON. */
export async function readJsonBody(c: Context, maxBytes: number): Promise<JsonBody> {
  const body = await readLimitedBody(c.req.raw, maxBytes)
  if (!body.ok) {
    if (body.reason === 'not-utf8') {
      return { ok: false, response: apiError(c, 400, 'request body is not UTF-8 text') }
    }
    // The rest of an oversized upload is not worth reading: drop the connection after this.
    c.header('Connection', 'close')
    return {
      ok: false,
      response: apiError(c, 413, `request body is larger than ${maxBytes} bytes`),
    }
  }
  try {
    return { ok: true, value: JSON.parse(body.text) }
  } catch {
    return { ok: false, response: apiError(c, 400, 'request body is not valid JSON') }
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
