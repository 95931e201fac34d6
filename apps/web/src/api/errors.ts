/** One problem the server found in a request body, e.g. `touchpoints[3].stageId: unknown stage`. */
export interface ApiIssue {
  path: string
  message: string
}

/** A failed API call, carrying the server's own message and, for invalid imports, its issues. */
export class ApiError extends Error {
  readonly status: number
  readonly issues: readonly ApiIssue[]
  /**
   * The server's own terse `error` ("invalid identity", "link revoked"), for telling refusals
   * apart; `message` may have been reworded for people.
   */
  readonly reason: string | null

  constructor(
    status: number,
    message: string,
    issues: readonly ApiIssue[] = [],
    reason: string | null = null,
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.issues = issues
    this.reason = reason
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readIssues(value: unknown): ApiIssue[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((entry): ApiIssue[] => {
    if (!isRecord(entry) || typeof entry.message !== 'string') return []
    const path = Array.isArray(entry.path) ? entry.path.join('.') : entry.path
    return [{ path: typeof path === 'string' ? path : '', message: entry.message }]
  })
}

const STATUS_MESSAGES: Record<number, string> = {
  400: 'The server could not use this request.',
  401: 'Access denied: open Touchline with the access link you were given.',
  403: 'Your access does not allow this.',
  404: 'Not found.',
  410: 'This journey was deleted.',
  413: 'This file is too large for the server.',
}

/** Builds an ApiError from a non-2xx response, preferring the server's `{ error, issues }` body. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    // Not JSON (a proxy's HTML error page, an empty body): fall back to the status text.
  }
  const fallback = STATUS_MESSAGES[response.status] ?? `The server answered ${response.status}.`
  if (!isRecord(body)) return new ApiError(response.status, fallback)
  const detail = typeof body.error === 'string' && body.error ? body.error : null
  // Access errors from the server are terse ("missing token"); lead with what to do.
  const message =
    detail === null
      ? fallback
      : response.status === 401 || response.status === 403
        ? `${fallback} (${detail})`
        : detail
  return new ApiError(response.status, message, readIssues(body.issues), detail)
}

/** A readable sentence for any error thrown by the client (network failures included). */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message
  if (error instanceof TypeError)
    return 'Cannot reach the Touchline server. Check that it is running.'
  if (error instanceof Error) return error.message
  return 'Something went wrong.'
}
