import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { JourneyExport } from '@touchline/model'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { loadConfig } from '../config.js'
import { type RunningServer, startServer } from '../server.js'

let dir: string
let server: RunningServer

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'touchline-live-'))
  server = await startServer(
    loadConfig({ PORT: '0', TOUCHLINE_STORAGE: 'sqlite', LOG_LEVEL: 'silent' }, dir),
  )
})

afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

async function createJourney(title: string): Promise<string> {
  const res = await fetch(`${server.url}/api/journeys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: string }).id
}

function connect(journeyId: string) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(
    `${server.url.replace('http', 'ws')}/sync`,
    journeyId,
    doc,
    {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    },
  )
  const synced = new Promise<void>((resolve) => {
    provider.on('sync', (isSynced) => isSynced && resolve())
  })
  return { doc, provider, synced }
}

/** Polls until `check` holds: the server applies a client's update asynchronously. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read()
    if (check(value)) return value
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('journeys while people are connected', () => {
  it('exports the live state, including edits not yet compacted', async () => {
    const id = await createJourney('Before')
    const client = connect(id)
    await client.synced
    client.doc.getMap('meta').set('title', 'Edited live')
    const file = await eventually(
      async () =>
        (await (await fetch(`${server.url}/api/journeys/${id}/export`)).json()) as JourneyExport,
      (f) => f.journey.title === 'Edited live',
    )
    expect(file.format).toBe('touchline.journey')
    client.provider.destroy()
  })

  it('closes connected clients with 4410 when the journey is deleted', async () => {
    const id = await createJourney('Doomed')
    const client = connect(id)
    await client.synced
    const closed = new Promise<number>((resolve) => {
      client.provider.on('connection-close', (event) => resolve(event?.code ?? 0))
    })
    const res = await fetch(`${server.url}/api/journeys/${id}`, { method: 'DELETE' })
    expect(res.status).toBe(204)
    expect(await closed).toBe(4410)
    client.provider.destroy()
    const list = (await (await fetch(`${server.url}/api/journeys`)).json()) as Array<{ id: string }>
    expect(list.map((j) => j.id)).not.toContain(id)
  })

  it('serves the app shell or the build explanation next to the API', async () => {
    const res = await fetch(`${server.url}/j/some-journey`)
    expect([200, 503]).toContain(res.status)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
  })
})
