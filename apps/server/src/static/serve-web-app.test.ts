import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveWebApp } from './serve-web-app.js'

let dist: string
let app: Hono

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'touchline-web-'))
  mkdirSync(join(dist, 'assets'))
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>')
  writeFileSync(join(dist, 'assets', 'index-B2x_9aQz.js'), 'console.log(1)')
  writeFileSync(join(dist, 'favicon.svg'), '<svg/>')
  writeFileSync(join(dist, '.env'), 'SECRET=1')
  writeFileSync(join(dist, '..', 'outside.txt'), 'nope')
  app = new Hono()
  app.use('*', serveWebApp({ webDist: dist }))
  app.get('/sync/:id', (c) => c.text('sync route'))
  app.notFound((c) => c.json({ error: 'not found' }, 404))
})

afterAll(() => {
  rmSync(dist, { recursive: true, force: true })
  rmSync(join(dist, '..', 'outside.txt'), { force: true })
})

describe('serveWebApp', () => {
  it('serves index.html at / without long caching', async () => {
    const res = await app.request('/')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'none'")
    expect(await res.text()).toContain('<title>app</title>')
  })

  it('falls back to index.html for client routes', async () => {
    const res = await app.request('/j/abc?token=x')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<title>app</title>')
  })

  it('caches hashed assets for a year, with the right type', async () => {
    const res = await app.request('/assets/index-B2x_9aQz.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await res.text()).toBe('console.log(1)')
  })

  it('revalidates unhashed files and answers 304 to a matching ETag', async () => {
    const first = await app.request('/favicon.svg')
    expect(first.headers.get('content-type')).toBe('image/svg+xml')
    expect(first.headers.get('cache-control')).toBe('no-cache')
    const etag = first.headers.get('etag') ?? ''
    const again = await app.request('/favicon.svg', { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
  })

  it('answers HEAD without a body', async () => {
    const res = await app.request('/favicon.svg', { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-length')).toBe('6')
    expect(await res.text()).toBe('')
  })

  it('answers 404 for a missing asset instead of the app', async () => {
    expect((await app.request('/assets/gone-12345678.js')).status).toBe(404)
  })

  it('never serves dotfiles or files outside the build', async () => {
    expect(await (await app.request('/.env')).text()).not.toContain('SECRET')
    expect((await app.request('/%2e%2e/outside.txt')).status).toBe(404)
    expect((await app.request('/..%2Foutside.txt')).status).toBe(404)
    expect((await app.request('/%E0%A4%A')).status).toBe(400)
  })

  it('leaves /api and /sync to the server', async () => {
    const api = await app.request('/api/nothing')
    expect(api.status).toBe(404)
    expect(await api.json()).toEqual({ error: 'not found' })
    expect(await (await app.request('/sync/j1')).text()).toBe('sync route')
  })

  it('ignores other methods', async () => {
    expect((await app.request('/', { method: 'POST' })).status).toBe(404)
  })
})

describe('serveWebApp without a build', () => {
  it('explains how to build the app', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'touchline-empty-'))
    try {
      const bare = new Hono()
      bare.use('*', serveWebApp({ webDist: empty }))
      const res = await bare.request('/j/x')
      expect(res.status).toBe(503)
      expect(await res.text()).toContain('has not been built')
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })
})
