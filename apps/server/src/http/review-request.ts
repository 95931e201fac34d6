import { type ReviewActor, ReviewRuleError } from '@touchline/model'
import type { Context } from 'hono'
import type { ReviewDocs } from '../review/index.js'
import { actingParticipant } from './acting-participant.js'
import { apiError } from './api-error.js'
import type { AppEnv, HttpDeps } from './app-env.js'
import { isRecord, readJsonBody } from './read-json-body.js'
import { sizedJson } from './sized-json.js'

/** A comment, or a vote session listing up to the model's 5,000 items, fits in this. */
const REVIEW_BODY_BYTES = 512 * 1024

export type ReviewCall = {
  actor: ReviewActor
  body: Record<string, unknown>
  docs: ReviewDocs
  now: Date
}

/** What a change answers: a JSON entity with 200 or 201, or 204 with nothing. */
export type ReviewAnswer = { status: 200 | 201; json: object } | { status: 204 }

export type ReviewRequest = {
  /** Whether the request has a JSON body to read (POST, PATCH); else it is `{}`. */
  body: boolean
  /** Whether the body must name the author (anything that stores their name). */
  author: 'required' | 'optional'
}

/**
 * Runs one review change for the acting participant: reads the body, verifies the
 * identity, and applies `change` to the journey's live documents, answering with what it
 * returns once that is stored. The model's rule errors become their status (400, 403, 404,
 * 409) with the message and issues; nothing is written when one is thrown.
 */
export async function reviewChange(
  c: Context<AppEnv>,
  deps: HttpDeps,
  request: ReviewRequest,
  change: (call: ReviewCall) => ReviewAnswer,
): Promise<Response> {
  let body: Record<string, unknown> = {}
  if (request.body) {
    const read = await readJsonBody(c, REVIEW_BODY_BYTES)
    if (!read.ok) return read.response
    if (!isRecord(read.value)) return apiError(c, 400, 'request body must be a JSON object')
    body = read.value
  }
  const acting = actingParticipant(c, deps.identities, body, request.author)
  if (!acting.ok) return acting.response
  const actor: ReviewActor = { participant: acting.participant, role: c.get('grant').role }
  const id = c.req.param('id') ?? ''
  const now = deps.now?.() ?? new Date()
  try {
    const answer = await deps.review.change(id, (docs) => change({ actor, body, docs, now }))
    if (answer === null) return apiError(c, 404, `journey ${id} not found`)
    if (answer.status === 204) return c.body(null, 204)
    return sizedJson(c, answer.json, answer.status)
  } catch (error) {
    if (error instanceof ReviewRuleError) return reviewRefusal(c, error)
    throw error
  }
}

/** A rule error as the API answers it. */
export function reviewRefusal(c: Context, error: ReviewRuleError): Response {
  const issues = error.issues.length > 0 ? error.issues : undefined
  return apiError(c, error.status, error.message, issues)
}
