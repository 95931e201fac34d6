import type { JourneyCounts, JourneyListItem, TemplateInfo } from './types.js'

/**
 * Reads the server's JSON into the browser's types without trusting it blindly: a missing
 * count shows as 0 and an unknown field is ignored, instead of the whole home page failing.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function count(source: Record<string, unknown>, key: keyof JourneyCounts): number {
  const value = source[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

function time(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string') {
    const parsed = Date.parse(value)
    return Number.isNaN(parsed) ? null : parsed
  }
  return null
}

export function parseJourneyList(body: unknown): JourneyListItem[] {
  const rows = Array.isArray(body) ? body : isRecord(body) ? body.journeys : null
  if (!Array.isArray(rows)) throw new Error('The server sent an unexpected journey list.')
  return rows.flatMap((row): JourneyListItem[] => {
    if (!isRecord(row) || typeof row.id !== 'string') return []
    const source = isRecord(row.counts) ? row.counts : isRecord(row.summary) ? row.summary : row
    return [
      {
        id: row.id,
        title: typeof row.title === 'string' && row.title.trim() ? row.title : 'Untitled journey',
        counts: {
          personas: count(source, 'personas'),
          stages: count(source, 'stages'),
          touchpoints: count(source, 'touchpoints'),
          connections: count(source, 'connections'),
        },
        updatedAt: time(row.updatedAt),
        createdAt: time(row.createdAt),
      },
    ]
  })
}

export function parseTemplates(body: unknown): TemplateInfo[] {
  const rows = Array.isArray(body) ? body : isRecord(body) ? body.templates : null
  if (!Array.isArray(rows)) throw new Error('The server sent an unexpected template list.')
  return rows.flatMap((row): TemplateInfo[] => {
    if (!isRecord(row) || typeof row.id !== 'string') return []
    return [
      {
        id: row.id,
        name: typeof row.name === 'string' ? row.name : row.id,
        description: typeof row.description === 'string' ? row.description : '',
      },
    ]
  })
}

export function parseCreated(body: unknown): string {
  if (isRecord(body) && typeof body.id === 'string') return body.id
  throw new Error('The server did not return the new journey id.')
}

/** `201 {identity: {id, name, color}, token}`: only the id and token are new to the browser. */
export function parseIdentity(body: unknown): { id: string; token: string } {
  const identity = isRecord(body) && isRecord(body.identity) ? body.identity : null
  if (identity && typeof identity.id === 'string' && identity.id && isRecord(body)) {
    if (typeof body.token === 'string' && body.token) return { id: identity.id, token: body.token }
  }
  throw new Error('The server did not issue an identity.')
}
