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

  it('accepts a valid token from the header or the query string', async () => {
    const { token, expiresAt } = auth.mint('j1', 'editor', 3600)
    expect(expiresAt).toBe(clock + 3600)
    for (const via of ['header', 'query'] as const) {
      expect(await auth.authorize(request(token, via), 'j1', 'editor')).toEqual({
        ok: true,
        grant: { journey: 'j1', role: 'editor', expiresAt, linkId: null },
      })
    }
  })

  it('never mints a token that outlives the cap it is given', () => {
    expect(auth.mint('j1', 'viewer', 3600, clock + 60).expiresAt).toBe(clock + 60)
    expect(auth.mint('j1', 'viewer', 60, null).expiresAt).toBe(clock + 60)
  })

  it('answers 401 for a missing token', async () => {
    expect(await auth.authorize(request(), 'j1')).toMatchObject({ ok: false, status: 401 })
  })

  it('answers 401 for a tampered token', async () => {
    const { token } = auth.mint('j1', 'viewer', 3600)
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`
    expect(await auth.authorize(request(tampered), 'j1')).toMatchObject({ ok: false, status: 401 })
  })

  it('answers 401 for an expired token', async () => {
    const { token } = auth.mint('j1', 'viewer', 60)
    clock += 61
    expect(await auth.authorize(request(token), 'j1')).toEqual({
      ok: false,
      status: 401,
      error: 'token expired',
    })
  })

  it('answers 401 for a token of another journey', async () => {
    const { token } = auth.mint('j2', 'editor', 60)
    expect(await auth.authorize(request(token), 'j1')).toMatchObject({ ok: false, status: 401 })
  })

  it('answers 403 for a role below the one needed', async () => {
    const { token } = auth.mint('j1', 'viewer', 60)
    expect(await auth.authorize(request(token), 'j1', 'commenter')).toMatchObject({
      ok: false,
      status: 403,
    })
    expect(await auth.authorize(request(token), 'j1', 'viewer')).toMatchObject({ ok: true })
  })

  it('lets a `*` token reach every journey, and only it act on all journeys', async () => {
    const all = auth.mint('*', 'editor', 60).token
    const one = auth.mint('j1', 'editor', 60).token
    expect(await auth.authorize(request(all), 'anything', 'editor')).toMatchObject({ ok: true })
    expect(await auth.authorize(request(all), '*', 'editor')).toMatchObject({ ok: true })
    expect(await auth.authorize(request(one), '*', 'editor')).toMatchObject({
      ok: false,
      status: 403,
    })
    expect(await auth.authorize(request(one), null)).toMatchObject({ ok: true })
  })

  it('ignores a non-bearer authorization header', async () => {
    const basic = new Request('http://x/', { headers: { authorization: 'Basic dXNlcjpwYXNz' } })
    expect(await auth.authorize(basic, null)).toMatchObject({ ok: false, status: 401 })
  })
})

describe('share link tokens', () => {
  const revoked = new Set<string>()
  const asked: string[] = []
  const linked = createAuth({
    secret: SECRET,
    host: '0.0.0.0',
    now: () => clock,
    isLinkRevoked: async (journey, link) => {
      asked.push(`${journey}/${link}`)
      return revoked.has(link)
    },
  })

  it('carries the link id into the grant while the link stands', async () => {
    const { token, expiresAt } = linked.mint('j1', 'commenter', 600, null, 'link_a')
    expect(await linked.authorize(request(token), 'j1', 'commenter')).toEqual({
      ok: true,
      grant: { journey: 'j1', role: 'commenter', expiresAt, linkId: 'link_a' },
    })
    expect(asked).toEqual(['j1/link_a'])
    expect(linked.reissue({ journey: 'j1', role: 'commenter', expiresAt, link: 'link_a' })).toBe(
      token,
    )
  })

  it('answers 401 link revoked once the link is revoked, whatever the request', async () => {
    const { token } = linked.mint('j1', 'editor', 600, null, 'link_b')
    revoked.add('link_b')
    for (const target of ['j1', null, 'j2']) {
      expect(await linked.authorize(request(token), target, 'viewer')).toEqual({
        ok: false,
        status: 401,
        error: 'link revoked',
      })
    }
  })

  it('refuses every link token where nothing can tell whether it was revoked', async () => {
    const { token } = linked.mint('j1', 'viewer', 600, null, 'link_c')
    expect(await auth.authorize(request(token), 'j1')).toMatchObject({
      ok: false,
      error: 'link revoked',
    })
    expect(await auth.authorize(request(auth.mint('j1', 'viewer', 60).token), 'j1')).toMatchObject({
      ok: true,
    })
  })
})

describe('auth without a secret', () => {
  it('lets everything through on loopback', async () => {
    const open = createAuth({ host: '127.0.0.1' })
    expect(open.required).toBe(false)
    expect(open.canMint).toBe(false)
    expect(await open.authorize(request(), '*', 'editor')).toMatchObject({ ok: true })
    expect(() => open.mint('j1', 'viewer', 60)).toThrow(/TOUCHLINE_SECRET/)
  })

  it('still checks tokens when a secret is set on loopback', async () => {
    const local = createAuth({ secret: SECRET, host: 'localhost' })
    expect(await local.authorize(request(), 'j1')).toMatchObject({ ok: false, status: 401 })
  })

  it('refuses a network bind without a secret, and a short secret', () => {
    expect(authConfigError({ host: '0.0.0.0' })).toMatch(/TOUCHLINE_SECRET/)
    expect(authConfigError({ host: '192.168.1.4', secret: '' })).toMatch(/TOUCHLINE_SECRET/)
    expect(authConfigError({ host: '::1' })).toBeNull()
    expect(authConfigError({ host: '127.0.0.1', secret: 'short' })).toMatch(/16 characters/)
    expect(() => createAuth({ host: '::' })).toThrow(/TOUCHLINE_SECRET/)
  })
})
