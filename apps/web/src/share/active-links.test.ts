import { describe, expect, it } from 'vitest'
import type { ShareLink } from '../review/review-api.js'
import { activeLinks } from './active-links.js'

const NOW = Date.UTC(2026, 2, 12, 9, 0, 0)
const at = (hours: number) => new Date(NOW + hours * 3600_000).toISOString()

function link(id: string, created: number, expires: number, revokedAt: string | null = null) {
  const value: ShareLink = {
    id,
    role: 'commenter',
    label: id,
    createdAt: at(created),
    expiresAt: at(expires),
    createdBy: null,
    revokedAt,
    url: `http://example.test/j/x?token=${id}`,
  }
  return value
}

describe('activeLinks', () => {
  it('leaves out revoked and expired links, newest first', () => {
    const links = [
      link('old', -5, 20),
      link('revoked', -2, 20, at(-1)),
      link('expired', -3, -1),
      link('new', -1, 2),
    ]
    expect(activeLinks(links, NOW).map((found) => found.id)).toEqual(['new', 'old'])
  })
})
