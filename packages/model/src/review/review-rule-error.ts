import type { z } from 'zod'
import type { Issue } from '../entities/issue.js'
import { InvalidInputError, parseInput } from '../mutations/invalid-input-error.js'

export type ReviewRuleStatus = 400 | 403 | 404 | 409

/**
 * Thrown by a review mutation that refuses: 400 bad input, 403 not allowed (role or
 * ownership), 404 an unknown comment, session, vote or item, 409 a conflict with the
 * state (a session already open, a session not open or ended, a budget used up, a second
 * vote on one item). `status` is the HTTP status the server answers with. Nothing has
 * been written when it is thrown.
 */
export class ReviewRuleError extends Error {
  readonly status: ReviewRuleStatus
  /** Where in the input the problem is, when it is about one field. */
  readonly path?: string
  /** Every problem of a 400, each with its path (like an import's issues); else empty. */
  readonly issues: Issue[]

  constructor(status: ReviewRuleStatus, message: string, path?: string, issues: Issue[] = []) {
    super(message)
    this.name = 'ReviewRuleError'
    this.status = status
    if (path !== undefined) this.path = path
    this.issues = issues
  }
}

/** A refusal about one thing; `path` prefixes the message, as in an import's issues. */
export function refuse(status: ReviewRuleStatus, message: string, path?: string): ReviewRuleError {
  const issues = status === 400 ? [{ path: path ?? '', message }] : []
  return new ReviewRuleError(status, path ? `${path}: ${message}` : message, path, issues)
}

/** `parseInput` for the review: bad input is a 400 ReviewRuleError with every issue. */
export function parseReviewInput<T>(schema: z.ZodType<T>, value: unknown, at = ''): T {
  try {
    return parseInput(schema, value, at)
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error
    throw new ReviewRuleError(400, error.message, error.issues[0]?.path, error.issues)
  }
}
