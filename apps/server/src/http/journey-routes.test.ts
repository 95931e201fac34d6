import { importJourney } from '@touchline/model'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHttpFixture } from '../../test/support/http-app.js'

let fixture: Awaited<ReturnType<typeof createHttpFixture>>

beforeEach(async () => {
  fixture = await createHttpFixture()
})
afterEach(async () => {
  await fixture.close()
})

function post(path: string, body: unknown) {
  return fixture.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

async function create(title: string, template?: string): Promise<string> {
  const res = await post('/api/journeys', template ? { title, template } : { title })
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: string }).id
}

describe('health and unknown routes', () => {
  it('reports status and version', async () => {
    const res = await fixture.app.request('/api/health')
    expect(await res.json()).toEqual({ status: 'ok', version: '9.9.9', auth: 'open' })
  })

  it('answers unknown API routes with JSON 404', async () => {
    const res = await fixture.app.request('/api/nope')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ error: 'no such route: GET /api/nope' })
  })
})

describe('creating and listing journeys', () => {
  it('creates a blank journey and lists it with counts', async () => {
    const id = await create('Enterprise onboarding')
    expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
    const list = (await (await fixture.app.request('/api/journeys')).json()) as Array<{
      id: string
      title: string
      counts: { stages: number; touchpoints: number }
      updatedAt: number
    }>
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ id, title: 'Enterprise onboarding' })
    expect(list[0]?.counts.stages).toBeGreaterThan(0)
    expect(list[0]?.counts.touchpoints).toBe(0)
    expect(typeof list[0]?.updatedAt).toBe('number')
  })

  it('creates a journey from every template', async () => {
    const templates = (await (await fixture.app.request('/api/templates')).json()) as Array<{
      id: string
      name: string
      description: string
    }>
    expect(templates.length).toBeGreaterThan(0)
    for (const template of templates) {
      expect(Object.keys(template).sort()).toEqual(['description', 'id', 'name'])
      await create(`From ${template.id}`, template.id)
    }
    const list = (await (await fixture.app.request('/api/journeys')).json()) as Array<{
      counts: { touchpoints: number }
    }>
    expect(list).toHaveLength(templates.length)
    expect(list.some((j) => j.counts.touchpoints > 0)).toBe(true)
  })

  it('refuses bad bodies with their issues and stores nothing', async () => {
    const cases: Array<[unknown, number, string]> = [
      ['{"title":', 400, 'request body is not valid JSON'],
      [[], 400, 'invalid journey'],
      [{}, 400, 'invalid journey'],
      [{ title: '   ' }, 400, 'invalid journey'],
      [{ title: 'x', template: 'no-such-template' }, 400, 'invalid journey'],
      [{ title: 'x', template: 7 }, 400, 'invalid journey'],
    ]
    for (const [body, status, error] of cases) {
      const res = await post('/api/journeys', body)
      expect(res.status).toBe(status)
      expect(((await res.json()) as { error: string }).error).toBe(error)
    }
    const unknown = await post('/api/journeys', { title: 'x', template: 'no-such-template' })
    expect(await unknown.json()).toMatchObject({
      issues: [{ path: 'template', message: expect.stringContaining('unknown template') }],
    })
    expect(await fixture.store.list()).toEqual([])
  })
})

describe('exporting and deleting', () => {
  it('exports a journey as a valid download', async () => {
    const id = await create('Événement Q3 "launch"')
    const res = await fixture.app.request(`/api/journeys/${id}/export`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const disposition = res.headers.get('content-disposition') ?? ''
    expect(disposition).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.touchline\.json"/)
    expect(disposition).toContain("filename*=UTF-8''%C3%89v%C3%A9nement%20Q3%20%22launch%22")
    const file = await res.json()
    const again = importJourney(file)
    expect(again.ok).toBe(true)
    if (again.ok) expect(again.journey.title).toBe('Événement Q3 "launch"')
  })

  it('deletes a journey once', async () => {
    const id = await create('Short-lived')
    expect((await fixture.app.request(`/api/journeys/${id}`, { method: 'DELETE' })).status).toBe(
      204,
    )
    const again = await fixture.app.request(`/api/journeys/${id}`, { method: 'DELETE' })
    expect(again.status).toBe(404)
    expect((await fixture.app.request(`/api/journeys/${id}/export`)).status).toBe(404)
    expect(await fixture.store.list()).toEqual([])
  })

  it('answers 404 for unknown journeys and 400 for malformed ids', async () => {
    const missing = await fixture.app.request('/api/journeys/unknown-id/export')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ error: 'journey unknown-id not found' })
    const malformed = await fixture.app.request(`/api/journeys/${'x'.repeat(65)}/export`)
    expect(malformed.status).toBe(400)
    expect((await fixture.app.request('/api/journeys/a.b/export')).status).toBe(400)
  })
})

describe('guards', () => {
  it('refuses bodies not declared as JSON, which other sites could send unasked', async () => {
    const res = await fixture.app.request('/api/journeys', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ title: 'Drive-by' }),
    })
    expect(res.status).toBe(415)
    expect(await fixture.store.list()).toEqual([])
  })

  it('answers only loopback names without a secret (DNS rebinding)', async () => {
    const res = await fixture.app.request('http://attacker.example:8787/api/journeys')
    expect(res.status).toBe(403)
    expect(((await res.json()) as { error: string }).error).toMatch(/TOUCHLINE_SECRET/)
    expect((await fixture.app.request('http://127.0.0.1:8787/api/journeys')).status).toBe(200)
    expect((await fixture.app.request('http://[::1]:8787/api/journeys')).status).toBe(200)
  })

  it('keeps API answers out of shared caches', async () => {
    const res = await fixture.app.request('/api/journeys')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })
})

describe('errors', () => {
  it('turns a storage failure into a JSON 500 without details', async () => {
    await fixture.store.close()
    const res = await fixture.app.request('/api/journeys')
    expect(res.status).toBe(500)
    expect(await res.json()).toEqual({ error: 'internal server error' })
  })
})

describe('compression', () => {
  it('gzips a journey file for clients that accept it', async () => {
    const id = await create('Compressed')
    const res = await fixture.app.request(`/api/journeys/${id}/export`, {
      headers: { 'accept-encoding': 'gzip' },
    })
    expect(res.headers.get('content-encoding')).toBe('gzip')
    const body = res.body?.pipeThrough(new DecompressionStream('gzip'))
    const file = (await new Response(body).json()) as { journey: { title: string } }
    expect(file.journey.title).toBe('Compressed')
  })
})
