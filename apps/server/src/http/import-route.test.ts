import {
  addTouchpoint,
  createJourneyDoc,
  exportJourney,
  type JourneyExport,
} from '@touchline/model'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHttpFixture } from '../../test/support/http-app.js'

const MAX_IMPORT_BYTES = 256 * 1024
let fixture: Awaited<ReturnType<typeof createHttpFixture>>

beforeEach(async () => {
  fixture = await createHttpFixture({ maxImportBytes: MAX_IMPORT_BYTES })
})
afterEach(async () => {
  await fixture.close()
})

function validExport(): JourneyExport {
  const doc = createJourneyDoc({ title: 'Imported journey' })
  const file = exportJourney(doc)
  doc.destroy()
  return file
}

/** A complete touchpoint as the model writes it. */
const MODEL_TOUCHPOINT = (() => {
  const doc = createJourneyDoc({ title: 'Source of a touchpoint' })
  addTouchpoint(doc, null)
  const [made] = exportJourney(doc).journey.touchpoints
  doc.destroy()
  if (made === undefined) throw new Error('the model added no touchpoint')
  return made
})()

function touchpoint(id: string, stageId: string) {
  return { ...MODEL_TOUCHPOINT, id, stageId }
}

function importBody(body: string | Uint8Array, headers: Record<string, string> = {}) {
  return fixture.app.request('/api/journeys/import', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })
}

async function expectRefused(res: Response, status: number) {
  expect(res.status).toBe(status)
  const body = (await res.json()) as { error: string; issues?: unknown[] }
  expect(typeof body.error).toBe('string')
  expect(await fixture.store.list()).toEqual([])
  return body
}

describe('POST /api/journeys/import', () => {
  it('stores a valid export as a new journey', async () => {
    const res = await importBody(JSON.stringify(validExport()))
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }
    const [summary] = await fixture.store.list()
    expect(summary).toMatchObject({ id, title: 'Imported journey' })
    const exported = await fixture.app.request(`/api/journeys/${id}/export`)
    expect(((await exported.json()) as JourneyExport).journey.title).toBe('Imported journey')
  })

  it('refuses a body that is not JSON', async () => {
    const body = await expectRefused(await importBody('{"format": "touchline.journey",'), 400)
    expect(body.error).toBe('request body is not valid JSON')
  })

  it('refuses bytes that are not text', async () => {
    await expectRefused(await importBody(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), 400)
  })

  it('refuses another format, with the path of the problem', async () => {
    const body = await expectRefused(
      await importBody(JSON.stringify({ ...validExport(), format: 'miro.board' })),
      400,
    )
    expect(body.issues).toContainEqual(expect.objectContaining({ path: 'format' }))
  })

  it('refuses an unknown version', async () => {
    const body = await expectRefused(
      await importBody(JSON.stringify({ ...validExport(), version: 99 })),
      400,
    )
    expect(body.issues).toContainEqual(expect.objectContaining({ path: 'version' }))
  })

  it('refuses dangling references and reports every one', async () => {
    const file = validExport()
    const stageId = file.journey.stages[0]?.id ?? 'missing'
    const journey = {
      ...file.journey,
      touchpoints: [touchpoint('tp1', 'no-such-stage'), touchpoint('tp2', 'another-missing-stage')],
    }
    const ok = { ...file.journey, touchpoints: [touchpoint('tp1', stageId)] }
    const body = await expectRefused(await importBody(JSON.stringify({ ...file, journey })), 400)
    expect(body.issues?.length).toBeGreaterThanOrEqual(2)
    expect(body.issues).toContainEqual(
      expect.objectContaining({ path: expect.stringContaining('touchpoints[1]') }),
    )
    // The same file with the references repaired is accepted.
    expect((await importBody(JSON.stringify({ ...file, journey: ok }))).status).toBe(201)
  })

  it('refuses __proto__ and constructor keys', async () => {
    const file = JSON.stringify(validExport())
    const polluted = [
      file.replace('{', '{"__proto__":{"polluted":true},'),
      file.replace('"journey":{', '"journey":{"__proto__":{"admin":true},'),
      file.replace('"journey":{', '"journey":{"constructor":{"prototype":{"x":1}},'),
    ]
    for (const body of polluted) {
      await expectRefused(await importBody(body), 400)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses absurdly deep nesting without exhausting the stack', async () => {
    const depth = 100_000
    const journey = `${'['.repeat(depth)}${']'.repeat(depth)}`
    const body = await expectRefused(
      await importBody(`{"format":"touchline.journey","version":1,"journey":${journey}}`),
      400,
    )
    expect(body.issues?.[0]).toMatchObject({ message: expect.stringContaining('nested deeper') })
  })

  it('answers 413 for a declared oversize body without storing', async () => {
    const body = JSON.stringify({ ...validExport(), padding: 'x'.repeat(MAX_IMPORT_BYTES) })
    await expectRefused(await importBody(body), 413)
  })

  it('answers 413 for an oversize body streamed without a length', async () => {
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 16 * 1024
        if (sent > 16 * MAX_IMPORT_BYTES) controller.close()
        else controller.enqueue(new TextEncoder().encode(' '.repeat(16 * 1024)))
      },
    })
    const res = await fixture.app.request('/api/journeys/import', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    await expectRefused(res, 413)
    // Reading stopped right after the limit, far from the end of the stream.
    expect(sent).toBeLessThan(2 * MAX_IMPORT_BYTES)
  })

  it('refuses more entities than the model allows', async () => {
    const file = validExport()
    const stageId = file.journey.stages[0]?.id ?? 'missing'
    const touchpoints = Array.from({ length: 5_001 }, (_, i) => touchpoint(`t${i}`, stageId))
    const big = await createHttpFixture({ maxImportBytes: 32 * 1024 * 1024 })
    try {
      const res = await big.app.request('/api/journeys/import', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...file, journey: { ...file.journey, touchpoints } }),
      })
      expect(res.status).toBe(400)
      const body = (await res.json()) as { issues: Array<{ path: string; message: string }> }
      expect(body.issues).toContainEqual(expect.objectContaining({ path: 'touchpoints' }))
      expect(await big.store.list()).toEqual([])
    } finally {
      await big.close()
    }
  })
})
