import type { z } from 'zod'
import { formatPath, type Issue } from '../entities/issue.js'

function describeType(expected: string): string {
  switch (expected) {
    case 'int':
      return 'a whole number'
    case 'array':
      return 'a list'
    case 'object':
      return 'an object'
    default:
      return `a ${expected}`
  }
}

function message(issue: z.core.$ZodIssue): string {
  if (issue.input === undefined && issue.code !== 'custom') return 'is required'
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${describeType(issue.expected)}`
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
    case 'invalid_union':
      return 'does not match any allowed form'
    default:
      return issue.message
  }
}

/** Zod's issues in the format's words: one Issue per problem, unknown keys one by one. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): Issue[] {
  const out: Issue[] = []
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ path: formatPath([...path, key]), message: 'is not a known field' })
      }
    } else {
      out.push({ path: formatPath(path), message: message(issue) })
    }
  }
  return out
}
