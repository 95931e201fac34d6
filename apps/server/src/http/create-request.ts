import { LIMITS, TEMPLATES } from '@touchline/model'
import type { ApiIssue } from './api-error.js'
import { isRecord } from './read-json-body.js'

export type CreateRequest = { title: string; template: string | null }

/** Reads `POST /api/journeys` `{ title, template? }`, collecting every problem. */
export function parseCreateRequest(
  value: unknown,
): { ok: true; request: CreateRequest } | { ok: false; issues: ApiIssue[] } {
  if (!isRecord(value))
    return { ok: false, issues: [{ path: '', message: 'expected a JSON object' }] }
  const issues: ApiIssue[] = []
  const title = typeof value.title === 'string' ? value.title.trim() : null
  if (title === null) issues.push({ path: 'title', message: 'required: a string' })
  else if (title === '') issues.push({ path: 'title', message: 'must not be empty' })
  else if (title.length > LIMITS.stringLength) {
    issues.push({ path: 'title', message: `must be at most ${LIMITS.stringLength} characters` })
  }
  let template: string | null = null
  if (value.template !== undefined && value.template !== null) {
    if (typeof value.template !== 'string') {
      issues.push({ path: 'template', message: 'must be a template id' })
    } else if (!TEMPLATES.some((t) => t.id === value.template)) {
      issues.push({
        path: 'template',
        message: `unknown template "${value.template.slice(0, 64)}"; known: ${TEMPLATES.map((t) => t.id).join(', ')}`,
      })
    } else {
      template = value.template
    }
  }
  if (issues.length > 0 || title === null) return { ok: false, issues }
  return { ok: true, request: { title, template } }
}
