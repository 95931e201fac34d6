import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { describe, expect, it } from 'vitest'
import { sizedJson } from './sized-json.js'

describe('sizedJson', () => {
  const app = new Hono()
    .use('*', compress())
    .get('/small', (c) => sizedJson(c, { ok: 'é' }, 201))
    .get('/large', (c) => sizedJson(c, { text: 'x'.repeat(4096) }, 200))
  const get = (path: string) => app.request(path, { headers: { 'accept-encoding': 'gzip' } })

  it('states the length in bytes, so an answer under 1 KB is sent as it is', async () => {
    const response = await get('/small')
    expect(response.status).toBe(201)
    expect(response.headers.get('content-encoding')).toBeNull()
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength('{"ok":"é"}')))
    expect(await response.json()).toEqual({ ok: 'é' })
  })

  it('leaves a large answer to the compression', async () => {
    const response = await get('/large')
    expect(response.headers.get('content-encoding')).toBe('gzip')
    expect(response.headers.get('content-type')).toBe('application/json')
  })
})
