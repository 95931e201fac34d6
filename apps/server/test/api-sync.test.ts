import { describe, expect, it } from 'vitest'
import { synced } from './support/clients.js'
import { integrationScope } from './support/scope.js'
import { type TestServer, waitFor } from './support/server.js'

const scope = integrationScope()

async function createJourney(s: TestServer, title: string): Promise<string> {
  const response = await fetch(`${s.url}/api/journeys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { id: string }).id
}

describe('the HTTP API and live rooms together', () => {
  it('lists, exports live edits, and closes sockets with 4410 on delete', async () => {
    const server = await scope.server()
    const id = await createJourney(server, 'Created over HTTP')
    const a = scope.client(server.syncUrl, id)
    const b = scope.client(server.syncUrl, id)
    await Promise.all([synced(a), synced(b)])
    expect(a.doc.getMap('meta').get('title')).toBe('Created over HTTP')
    expect(a.doc.getMap('stages').size).toBeGreaterThan(0)

    a.doc.getMap('meta').set('title', 'Renamed live')
    await waitFor(() => b.doc.getMap('meta').get('title') === 'Renamed live', 'rename reaches b')

    const list = (await (await fetch(`${server.url}/api/journeys`)).json()) as {
      id: string
      title: string
    }[]
    expect(list.find((journey) => journey.id === id)?.title).toBe('Renamed live')

    const exported = await fetch(`${server.url}/api/journeys/${id}/export`)
    expect(exported.status).toBe(200)
    expect(JSON.stringify(await exported.json())).toContain('Renamed live')

    const deleted = await fetch(`${server.url}/api/journeys/${id}`, { method: 'DELETE' })
    expect(deleted.status).toBe(204)
    await waitFor(() => a.closes.includes(4410) && b.closes.includes(4410), '4410 for both')
    expect((await fetch(`${server.url}/api/journeys/${id}/export`)).status).toBe(404)
    // The stock client does not retry a 44xx close: the journey stays deleted.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const after = (await (await fetch(`${server.url}/api/journeys`)).json()) as { id: string }[]
    expect(after.some((journey) => journey.id === id)).toBe(false)
  })
})
