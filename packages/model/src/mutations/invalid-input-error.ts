import type { z } from 'zod'
import type { Issue } from '../entities/issue.js'
import { fromZodIssues } from '../json/zod-issues.js'

/**
 * Thrown by a mutation given input that would make the journey invalid (a missing stage,
 * a string over the limit, a 5,001st touchpoint...). Nothing has been written when it is
 * thrown: checks run before the transaction changes anything.
 */
export class InvalidInputError extends Error {
  readonly issues: Issue[]

  constructor(issues: Issue[]) {
    super(issues.map((issue) => `${issue.path || 'input'}: ${issue.message}`).join('; '))
    this.name = 'InvalidInputError'
    this.issues = issues
  }
}

export function invalid(path: string, message: string): InvalidInputError {
  return new InvalidInputError([{ path, message }])
}

/**
 * Parses `value` with `schema` or throws InvalidInputError with readable issues, their
 * paths under `at` (e.g. `[2].position`) when given.
 */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, at = ''): T {
  const result = schema.safeParse(value, { reportInput: true })
  if (result.success) return result.data
  const issues = fromZodIssues(result.error.issues).map(({ path, message }) => ({
    path: at && path ? `${at}${path.startsWith('[') ? '' : '.'}${path}` : at || path,
    message,
  }))
  throw new InvalidInputError(issues)
}
