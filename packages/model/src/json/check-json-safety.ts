import { LIMITS } from '../constants.js'
import { formatPath, type Issue, type PathSegment } from '../entities/issue.js'

/** Keys that can reach an object's prototype when a consumer copies the data naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

interface Visit {
  value: unknown
  key: PathSegment
  parent: Visit | null
  depth: number
}

function pathOf(visit: Visit): PathSegment[] {
  const path: PathSegment[] = []
  for (let v: Visit | null = visit; v?.parent; v = v.parent) path.push(v.key)
  return path.reverse()
}

/**
 * Walks an untrusted value before any schema sees it: refuses prototype-polluting keys,
 * non-finite numbers, non-JSON values and nesting deeper than `LIMITS.depth`. Iterative,
 * so hostile nesting cannot overflow the stack.
 */
export function checkJsonSafety(value: unknown, maxIssues: number): Issue[] {
  const issues: Issue[] = []
  // Each entry links to its parent rather than carrying its path, so a large file costs
  // no path array per value; a path is built only for a problem.
  const stack: Visit[] = [{ value, key: '', parent: null, depth: 0 }]
  const report = (visit: Visit, message: string, key?: string) => {
    const path = pathOf(visit)
    if (key !== undefined) path.push(key)
    issues.push({ path: formatPath(path), message })
  }
  while (stack.length > 0 && issues.length < maxIssues) {
    const next = stack.pop()
    if (!next) break
    const current = next.value
    if (next.depth > LIMITS.depth) {
      report(next, `is nested deeper than ${LIMITS.depth} levels`)
      continue
    }
    switch (typeof current) {
      case 'string':
      case 'boolean':
        continue
      case 'number':
        if (!Number.isFinite(current)) report(next, `must be a finite number (got ${current})`)
        continue
      case 'object': {
        if (current === null) continue
        const depth = next.depth + 1
        if (Array.isArray(current)) {
          for (let i = current.length - 1; i >= 0; i--) {
            stack.push({ value: current[i], key: i, parent: next, depth })
          }
          continue
        }
        if (!isPlainObject(current)) {
          report(next, 'is not a JSON value')
          continue
        }
        const record = current as Record<string, unknown>
        const keys = Object.keys(record)
        for (let i = keys.length - 1; i >= 0; i--) {
          const key = keys[i] as string
          if (FORBIDDEN_KEYS.has(key)) {
            report(next, `the key "${key}" is not allowed`, key)
            continue
          }
          stack.push({ value: record[key], key, parent: next, depth })
        }
        continue
      }
      default:
        report(next, 'is not a JSON value')
    }
  }
  return issues
}
