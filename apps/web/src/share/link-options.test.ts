import { describe, expect, it } from 'vitest'
import { EXPIRY_CHOICES, expiresEarly, linkLabel, ROLE_CHOICES, roleLabel } from './link-options.js'

describe('share link options', () => {
  it('offers every role, from the least to the most it allows', () => {
    expect(ROLE_CHOICES.map((choice) => choice.id)).toEqual(['viewer', 'commenter', 'editor'])
    expect(roleLabel('commenter')).toBe('Commenter')
  })

  it('offers durations in the form the server reads', () => {
    for (const { id } of EXPIRY_CHOICES) expect(id).toMatch(/^\d+[hd]$/)
  })

  it('keeps a typed label and names an empty one after its role', () => {
    expect(linkLabel('  Workshop 12 March ', 'commenter')).toBe('Workshop 12 March')
    expect(linkLabel('   ', 'viewer')).toBe('Viewer link')
  })

  it('notices a link the server cut short to the editor’s own access', () => {
    const createdAt = '2026-03-12T09:00:00.000Z'
    expect(expiresEarly('2h', { createdAt, expiresAt: '2026-03-12T11:00:00.000Z' })).toBe(false)
    expect(expiresEarly('7d', { createdAt, expiresAt: '2026-03-19T08:59:30.000Z' })).toBe(false)
    expect(expiresEarly('2h', { createdAt, expiresAt: '2026-03-12T10:00:00.000Z' })).toBe(true)
    expect(expiresEarly('30d', { createdAt, expiresAt: '2026-03-19T09:00:00.000Z' })).toBe(true)
  })
})
