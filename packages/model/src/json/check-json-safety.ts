import { LIMITS } from '../constants.js'
import { formatPath, type Issue, type PathSegment } from '../entities/issue.js'

/** Keys that can reach an object's prototype when a consumer copies the data naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/**
 * Walks an untrusted value before any schema sees it: refuses prototype-polluting keys,
 * non-finite numbers, non-JSON values and nesting deeper than `LIMITS.depth`. Iterative,
 * so hostile nesting cannot overflow the stack.
 */
export function checkJsonSafety(value: unknown, maxIssues: number): Issue[] {
  const issues: Issue[] = []
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value, path: [] }]
  while (stack.length > 0 && issues.length < maxIssues) {
    const next = stack.pop()
    if (!next) break
    const { value: current, path } = next
    if (path.length > LIMITS.depth) {
      issues.push({
        path: formatPath(path),
        message: `is nested deeper than ${LIMITS.depth} levels`,
      })
      continue
    }
    switch (typeof current) {
      case 'string':
      case 'boolean':
        continue
      case 'number':
        if (!Number.isFinite(current)) {
          issues.push({
            path: formatPath(path),
            message: `must be a finite number (got ${current})`,
          })
        }
        continue
      case 'object': {
        if (current === null) continue
        if (Array.isArray(current)) {
          for (let i = current.length - 1; i >= 0; i--) {
            stack.push({ value: current[i], path: [...path, i] })
          }
          continue
        }
        if (!isPlainObject(current)) {
          issues.push({ path: formatPath(path), message: 'is not a JSON value' })
          continue
        }
        const entries = Object.entries(current)
        for (let i = entries.length - 1; i >= 0; i--) {
          const entry = entries[i]
          if (!entry) continue
          const [key, child] = entry
          if (FORBIDDEN_KEYS.has(key)) {
            issues.push({
              path: formatPath([...path, key]),
              message: `the key "${key}" is not allowed`,
            })
            continue
          }
          stack.push({ value: child, path: [...path, key] })
        }
        continue
      }
      default:
        issues.push({ path: formatPath(path), message: 'is not a JSON value' })
    }
  }
  return issues
}
