import { describe, expect, it } from 'vitest'
import { authConfigError, createAuth } from './auth.js'

const SECRET = 'a-long-enough-test-secret'
let clock = 1_800_000_000
const auth = createAuth({ secret: SECRET, host: '0.0.0.0', now: () => clock })

function request(token?: string, via: 'header' | 'query' = 'header'): Request {
  if (token === undefined) return new Request('http://x/api/journeys')
  if (via === 'query') return new Request(`http://x/sync/j1?token=${encodeURIComponent(token)}`)
  return new Request('http://x/api/journeys', { headers: { authorization: `Bearer ${token}` } })
}

describe('auth with a secret', () => {
  it('is required and can mint', () => {
    expect(auth.required).toBe(true)
    expect(auth.canMint).toBe(true)
  })

  it('accepts a valid token from the header or the query string', () => {
    const { token, expiresAt } = auth.mint('j1', 'editor', 3600)
    expect(expiresAt).toBe(clock + 3600)
    for (const via of ['header', 'query'] as const) {
      expect(auth.authorize(request(token, via), 'j1', 'editor')).toEqual({
        ok: true,
        grant: { journey: 'j1', role: 'editor', expiresAt },
      })
    }
  })

  it('never mints a token that outlives the cap it is given', () => {
    expect(auth.mint('j1', 'viewer', 3600, clock + 60).expiresAt).toBe(clock + 60)
    expect(auth.mint('j1', 'viewer', 60, null).expiresAt).toBe(clock + 60)
  })

  it('answers 401 for a missing token', () => {
    expect(auth.authorize(request(), 'j1')).toMatchObject({ ok: false, status: 401 })
  })

  it('answers 401 for a tampered token', () => {
    const { token } = auth.mint('j1', 'viewer', 3600)
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`
    expect(auth.authorize(request(tampered), 'j1')).toMatchObject({ ok: false, status: 401 })
  })

  it('answers 401 for an expired token', () => {
    const { token } = auth.mint('j1', 'viewer', 60)
    clock += 61
    expect(auth.authorize(request(token), 'j1')).toEqual({
      ok: false,
      status: 401,
      error: 'token expired',
    })
  })

  it('answers 401 for a token of another journey', () => {
    const { token } = auth.mint('j2', 'editor', 60)
    expect(auth.authorize(request(token), 'j1')).toMatchObject({ ok: false, status: 401 })
  })

  it('answers 403 for a role below the one needed', () => {
    const { token } = auth.mint('j1', 'viewer', 60)
    expect(auth.authorize(request(token), 'j1', 'commenter')).toMatchObject({
      ok: false,
      status: 403,
    })
    expect(auth.authorize(request(token), 'j1', 'viewer')).toMatchObject({ ok: true })
  })

  it('lets a `*` token reach every journey, and only it act on all journeys', () => {
    const all = auth.mint('*', 'editor', 60).token
    const one = auth.mint('j1', 'editor', 60).token
    expect(auth.authorize(request(all), 'anything', 'editor')).toMatchObject({ ok: true })
    expect(auth.authorize(request(all), '*', 'editor')).toMatchObject({ ok: true })
    expect(auth.authorize(request(one), '*', 'editor')).toMatchObject({ ok: false, status: 403 })
    expect(auth.authorize(request(one), null)).toMatchObject({ ok: true })
  })

  it('ignores a non-bearer authorization header', () => {
    const basic = new Request('http://x/', { headers: { authorization: 'Basic dXNlcjpwYXNz' } })
    expect(auth.authorize(basic, null)).toMatchObject({ ok: false, status: 401 })
  })
})

describe('auth without a secret', () => {
  it('lets everything through on loopback', () => {
    const open = createAuth({ host: '127.0.0.1' })
    expect(open.required).toBe(false)
    expect(open.canMint).toBe(false)
    expect(open.authorize(request(), '*', 'editor')).toMatchObject({ ok: true })
    expect(() => open.mint('j1', 'viewer', 60)).toThrow(/TOUCHLINE_SECRET/)
  })

  it('still checks tokens when a secret is set on loopback', () => {
    const local = createAuth({ secret: SECRET, host: 'localhost' })
    expect(local.authorize(request(), 'j1')).toMatchObject({ ok: false, status: 401 })
  })

  it('refuses a network bind without a secret, and a short secret', () => {
    expect(authConfigError({ host: '0.0.0.0' })).toMatch(/TOUCHLINE_SECRET/)
    expect(authConfigError({ host: '192.168.1.4', secret: '' })).toMatch(/TOUCHLINE_SECRET/)
    expect(authConfigError({ host: '::1' })).toBeNull()
    expect(authConfigError({ host: '127.0.0.1', secret: 'short' })).toMatch(/16 characters/)
    expect(() => createAuth({ host: '::' })).toThrow(/TOUCHLINE_SECRET/)
  })
})
