import { ApiError } from '../api/errors.js'

/**
 * The server answers 409 to share requests when it has no TOUCHLINE_SECRET: it then checks no
 * tokens at all, so a link could not limit what its holder may do. That is a setting to
 * change, not a failure to retry.
 */
export function isLinksDisabled(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409
}
