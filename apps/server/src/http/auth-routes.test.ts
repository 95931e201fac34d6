import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHttpFixture, FIXTURE_SECRET } from '../../test/support/http-app.js'

let clock = 1_800_000_000
let fixture: Awaited<ReturnType<typeof createHttpFixture>>
let admin: string
let journeyId: string
let otherId: string

function call(path: string, token: string | null, init: RequestInit = {}) {
  const headers = new Headers(init.headers)
  if (token) headers.set('authorization', `Bearer ${token}`)
  if (init.body) headers.set('content-type', 'application/json')
  return fixture.app.request(path, { ...init, headers })
}

async function createJourney(title: string): Promise<string> {
  const res = await call('/api/journeys', admin, {
    method: 'POST',
    body: JSON.stringify({ title }),
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: string }).id
}

beforeEach(async () => {
  fixture = await createHttpFixture({ secret: FIXTURE_SECRET, now: () => clock })
  admin = fixture.auth.mint('*', 'editor', 3600).token
  journeyId = await createJourney('Shared journey')
  otherId = await createJourney('Private journey')
})
afterEach(async () => {
  await fixture.close()
})

describe('tokens on the API', () => {
  it('answers 401 with a challenge when the token is missing or forged', async () => {
    for (const token of [null, 'tl1.abc.def', `${admin.slice(0, -3)}xyz`]) {
      const res = await call('/api/journeys', token)
      expect(res.status).toBe(401)
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="touchline"')
      expect(((await res.json()) as { error: string }).error).toMatch(/token/)
    }
  })

  it('accepts the token in the query string', async () => {
    const res = await fixture.app.request(`/api/journeys?token=${encodeURIComponent(admin)}`)
    expect(res.status).toBe(200)
  })

  it('answers 401 once the token has expired', async () => {
    const token = fixture.auth.mint(journeyId, 'viewer', 60).token
    expect((await call(`/api/journeys/${journeyId}/export`, token)).status).toBe(200)
    clock += 61
    const res = await call(`/api/journeys/${journeyId}/export`, token)
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ error: 'token expired' })
  })

  it('keeps a journey token to its journey', async () => {
    const token = fixture.auth.mint(journeyId, 'editor', 60).token
    expect((await call(`/api/journeys/${otherId}/export`, token)).status).toBe(401)
    expect((await call(`/api/journeys/${otherId}`, token, { method: 'DELETE' })).status).toBe(401)
    const list = (await (await call('/api/journeys', token)).json()) as Array<{ id: string }>
    expect(list.map((j) => j.id)).toEqual([journeyId])
  })

  it('needs an all-journeys editor token to create or import', async () => {
    const scoped = fixture.auth.mint(journeyId, 'editor', 60).token
    const viewer = fixture.auth.mint('*', 'viewer', 60).token
    for (const token of [scoped, viewer]) {
      const res = await call('/api/journeys', token, {
        method: 'POST',
        body: JSON.stringify({ title: 'nope' }),
      })
      expect(res.status).toBe(403)
      expect(
        (await call('/api/journeys/import', token, { method: 'POST', body: '{}' })).status,
      ).toBe(403)
    }
    expect(await fixture.store.list()).toHaveLength(2)
  })

  it('lets viewers read but not delete', async () => {
    const viewer = fixture.auth.mint(journeyId, 'viewer', 60).token
    expect((await call(`/api/journeys/${journeyId}/export`, viewer)).status).toBe(200)
    expect((await call('/api/templates', viewer)).status).toBe(200)
    const res = await call(`/api/journeys/${journeyId}`, viewer, { method: 'DELETE' })
    expect(res.status).toBe(403)
    expect(await fixture.store.exists(journeyId)).toBe(true)
  })

  it('keeps health open for uptime checks', async () => {
    const res = await call('/api/health', null)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'ok', auth: 'token' })
  })
})

describe('POST /api/journeys/:id/share', () => {
  function share(token: string | null, id: string, body: unknown) {
    return call(`/api/journeys/${id}/share`, token, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { host: 'touchline.example:8787' },
    })
  }

  it('mints a working link with the asked role and expiry', async () => {
    const editor = fixture.auth.mint(journeyId, 'editor', 86_400).token
    const res = await share(editor, journeyId, { role: 'viewer', ttl: '2h' })
    expect(res.status).toBe(201)
    const link = (await res.json()) as { token: string; url: string; expiresAt: string }
    expect(link.expiresAt).toBe(new Date((clock + 7200) * 1000).toISOString())
    const url = new URL(link.url)
    expect(url.pathname).toBe(`/j/${journeyId}`)
    expect(url.searchParams.get('token')).toBe(link.token)
    expect((await call(`/api/journeys/${journeyId}/export`, link.token)).status).toBe(200)
    expect((await call(`/api/journeys/${otherId}/export`, link.token)).status).toBe(401)
    expect((await share(link.token, journeyId, { role: 'viewer', ttl: '1h' })).status).toBe(403)
  })

  it('never outlives the token that minted it', async () => {
    const editor = fixture.auth.mint(journeyId, 'editor', 600).token
    const res = await share(editor, journeyId, { role: 'editor', ttl: '30d' })
    const link = (await res.json()) as { expiresAt: string }
    expect(link.expiresAt).toBe(new Date((clock + 600) * 1000).toISOString())
  })

  it('refuses commenters, bad roles and bad durations', async () => {
    const commenter = fixture.auth.mint(journeyId, 'commenter', 600).token
    expect((await share(commenter, journeyId, { role: 'viewer', ttl: '1h' })).status).toBe(403)
    const bad = await share(admin, journeyId, { role: 'owner', ttl: 'forever' })
    expect(bad.status).toBe(400)
    expect(
      ((await bad.json()) as { issues: Array<{ path: string }> }).issues.map((i) => i.path),
    ).toEqual(['role', 'ttl'])
  })

  it('answers 404 for a journey that does not exist', async () => {
    expect((await share(admin, 'gone', { role: 'viewer', ttl: '1h' })).status).toBe(404)
  })
})

describe('sharing without a secret', () => {
  it('explains that links need TOUCHLINE_SECRET', async () => {
    const open = await createHttpFixture()
    try {
      const res = await open.app.request('/api/journeys/any/share', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'viewer', ttl: '1h' }),
      })
      expect(res.status).toBe(409)
      expect(((await res.json()) as { error: string }).error).toMatch(/TOUCHLINE_SECRET/)
    } finally {
      await open.close()
    }
  })
})
