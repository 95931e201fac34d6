import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { signToken, verifyToken } from './token.js'

const SECRET = 'a-long-enough-test-secret'
const NOW = 1_800_000_000

describe('signed tokens', () => {
  const token = signToken(SECRET, { journey: 'j1', role: 'commenter', expiresAt: NOW + 60 })

  it('round-trips its claims', () => {
    expect(verifyToken(SECRET, token, NOW)).toEqual({
      ok: true,
      claims: { journey: 'j1', role: 'commenter', expiresAt: NOW + 60 },
    })
  })

  it('rejects a token signed with another secret', () => {
    expect(verifyToken('another-long-test-secret', token, NOW)).toEqual({
      ok: false,
      reason: 'signature',
    })
  })

  it('rejects a payload changed after signing', () => {
    const [prefix, , signature] = token.split('.')
    const forged = Buffer.from(JSON.stringify({ j: '*', r: 'editor', e: NOW + 60 })).toString(
      'base64url',
    )
    expect(verifyToken(SECRET, `${prefix}.${forged}.${signature}`, NOW)).toMatchObject({
      ok: false,
      reason: 'signature',
    })
  })

  it('rejects a truncated signature', () => {
    expect(verifyToken(SECRET, token.slice(0, -4), NOW)).toMatchObject({ ok: false })
  })

  it('rejects an expired token', () => {
    expect(verifyToken(SECRET, token, NOW + 60)).toEqual({ ok: false, reason: 'expired' })
  })

  it('rejects garbage', () => {
    for (const garbage of ['', 'abc', 'tl1..', 'tl2.a.b', 'tl1.a.b.c']) {
      expect(verifyToken(SECRET, garbage, NOW)).toMatchObject({ ok: false })
    }
  })

  it('rejects a correctly signed payload with an unknown role', () => {
    const payload = Buffer.from(JSON.stringify({ j: 'j1', r: 'owner', e: NOW + 60 })).toString(
      'base64url',
    )
    const sig = createHmac('sha256', SECRET).update(`tl1.${payload}`).digest('base64url')
    expect(verifyToken(SECRET, `tl1.${payload}.${sig}`, NOW)).toEqual({
      ok: false,
      reason: 'malformed',
    })
  })

  it('carries a link id, and reads tokens without one as before', () => {
    const linked = signToken(SECRET, {
      journey: 'j1',
      role: 'viewer',
      expiresAt: NOW + 60,
      link: 'link_1',
    })
    expect(verifyToken(SECRET, linked, NOW)).toEqual({
      ok: true,
      claims: { journey: 'j1', role: 'viewer', expiresAt: NOW + 60, link: 'link_1' },
    })
    // The same claims sign to the same token: a link's token can be rebuilt.
    expect(
      signToken(SECRET, { journey: 'j1', role: 'viewer', expiresAt: NOW + 60, link: 'link_1' }),
    ).toBe(linked)
    expect(verifyToken(SECRET, token, NOW)).toMatchObject({ ok: true })
    expect(verifyToken(SECRET, token, NOW)).not.toHaveProperty('claims.link')
  })

  it('rejects a signed link id that is malformed or on a `*` token', () => {
    for (const payload of [
      { j: 'j1', r: 'viewer', e: NOW + 60, l: 42 },
      { j: 'j1', r: 'viewer', e: NOW + 60, l: '../x' },
      { j: '*', r: 'editor', e: NOW + 60, l: 'link_1' },
    ]) {
      const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url')
      const sig = createHmac('sha256', SECRET).update(`tl1.${encoded}`).digest('base64url')
      expect(verifyToken(SECRET, `tl1.${encoded}.${sig}`, NOW)).toEqual({
        ok: false,
        reason: 'malformed',
      })
    }
  })

  it('refuses to sign an invalid scope', () => {
    expect(() => signToken(SECRET, { journey: '../x', role: 'viewer', expiresAt: NOW })).toThrow()
  })
})
