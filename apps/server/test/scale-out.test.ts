import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createAuth } from '../src/auth/index.js'
import { type Client, sameState, synced } from './support/clients.js'
import { rawSocket } from './support/raw-socket.js'
import { integrationScope } from './support/scope.js'
import { type TestServer, waitFor } from './support/server.js'
import {
  requirePostgres,
  requireRedis,
  TEST_DATABASE_URL,
  TEST_REDIS_URL,
} from './support/services.js'

const scope = integrationScope()
// Every run stores in its own schema (and so uses its own Redis channels), dropped after.
const schema = `touchline_test_${randomBytes(6).toString('hex')}`
const env = {
  TOUCHLINE_STORAGE: 'postgres',
  DATABASE_URL: TEST_DATABASE_URL,
  REDIS_URL: TEST_REDIS_URL,
  TOUCHLINE_PG_SCHEMA: schema,
}

beforeAll(async () => {
  await requirePostgres()
  await requireRedis()
})
afterAll(async () => {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await admin.connect()
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
  await admin.end()
})

async function createJourney(server: TestServer, title: string, token?: string): Promise<string> {
  const response = await fetch(`${server.url}/api/journeys`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ title }),
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { id: string }).id
}

async function joined(server: TestServer, id: string): Promise<Client> {
  const client = scope.client(server.syncUrl, id)
  await synced(client)
  return client
}

function remoteUser(client: Client, other: Client): unknown {
  return client.provider.awareness.getStates().get(other.doc.clientID)?.user
}

describe('two server instances sharing PostgreSQL and Redis', () => {
  it('syncs edits and presence between clients of different instances', async () => {
    const [one, two] = await Promise.all([scope.server(env), scope.server(env)])
    const id = await createJourney(one, 'Created on one')
    const a = await joined(one, id)
    const b = await joined(two, id)
    expect(b.doc.getMap('meta').get('title')).toBe('Created on one')

    a.doc.getMap('meta').set('title', 'Renamed on one')
    await waitFor(() => b.doc.getMap('meta').get('title') === 'Renamed on one', 'a -> b')
    b.doc.getMap('touchpoints').set('from-b', new Y.Map([['title', 'Webinar']]))
    await waitFor(() => a.doc.getMap('touchpoints').has('from-b'), 'b -> a')
    // Both at once, on the same entity: the instances converge on one outcome.
    a.doc.getMap('meta').set('goal', 'pipeline')
    b.doc.getMap('meta').set('goal', 'revenue')
    await waitFor(() => sameState(a.doc, b.doc), 'convergence')
    expect(a.doc.getMap('meta').get('goal')).toBe(b.doc.getMap('meta').get('goal'))

    a.provider.awareness.setLocalStateField('user', { name: 'Ana' })
    b.provider.awareness.setLocalStateField('user', { name: 'Ben' })
    await waitFor(
      () => remoteUser(b, a) !== undefined && remoteUser(a, b) !== undefined,
      'presence both ways',
    )
    expect(remoteUser(b, a)).toEqual({ name: 'Ana' })
    expect(remoteUser(a, b)).toEqual({ name: 'Ben' })
    // A client that leaves one instance disappears from the other's view.
    a.destroy()
    await waitFor(() => remoteUser(b, a) === undefined, 'presence removed on leave')

    // What one instance lists and exports includes edits made through the other.
    const listed = (await (await fetch(`${two.url}/api/journeys`)).json()) as {
      id: string
      title: string
    }[]
    expect(listed.find((journey) => journey.id === id)?.title).toBe('Renamed on one')
  })

  it('closes clients of every instance with 4410 when the journey is deleted on one', async () => {
    const [one, two] = await Promise.all([scope.server(env), scope.server(env)])
    const id = await createJourney(one, 'To be deleted')
    const a = await joined(one, id)
    const b = await joined(two, id)
    const deleted = await fetch(`${one.url}/api/journeys/${id}`, { method: 'DELETE' })
    expect(deleted.status).toBe(204)
    await waitFor(() => a.closes.includes(4410) && b.closes.includes(4410), '4410 on both')
    expect((await fetch(`${two.url}/api/journeys/${id}/export`)).status).toBe(404)
  })

  it('loses nothing when one instance restarts', async () => {
    const one = await scope.server(env)
    let two = await scope.server(env)
    const id = await createJourney(two, 'Survives restarts')
    const a = await joined(one, id)
    const b = await joined(two, id)
    for (let i = 0; i < 20; i++) {
      a.doc.getMap('touchpoints').set(`a${i}`, i)
      b.doc.getMap('touchpoints').set(`b${i}`, i)
    }
    await waitFor(() => sameState(a.doc, b.doc), 'both sides before the restart')

    await two.close()
    two = await scope.server(env)
    const c = await joined(two, id)
    expect(sameState(c.doc, a.doc)).toBe(true)
    // The restarted instance carries on fanning out with the one that kept running.
    c.doc.getMap('touchpoints').set('after-restart', true)
    await waitFor(() => a.doc.getMap('touchpoints').has('after-restart'), 'c -> a')
    a.doc.getMap('touchpoints').set('from-a-again', true)
    await waitFor(() => c.doc.getMap('touchpoints').has('from-a-again'), 'a -> c')
    expect(c.doc.getMap('touchpoints').size).toBe(42)
  })

  it('closes the sockets of a share link on every instance when one revokes it', async () => {
    const secret = 'scale-out-test-secret-0123456789'
    const auth = createAuth({ secret, host: '127.0.0.1' })
    const withSecret = { ...env, TOUCHLINE_SECRET: secret }
    const [one, two] = await Promise.all([scope.server(withSecret), scope.server(withSecret)])
    const id = await createJourney(one, 'Shared', auth.mint('*', 'editor', 600).token)
    const editorToken = auth.mint(id, 'editor', 600).token
    const editor = { authorization: `Bearer ${editorToken}` }
    const shared = await fetch(`${one.url}/api/journeys/${id}/share`, {
      method: 'POST',
      headers: { ...editor, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'commenter', ttl: '1h' }),
    })
    expect(shared.status).toBe(201)
    const { token, link } = (await shared.json()) as { token: string; link: { id: string } }
    const sockets = [`${two.syncUrl}/${id}`, `${two.syncUrl}/${id}/review`].map((url) =>
      rawSocket(`${url}?token=${token}`),
    )
    for (const socket of sockets) expect(await socket.outcome).toBe(101)
    const bystander = scope.client(two.syncUrl, id, { token: editorToken })
    await synced(bystander)

    const revoked = await fetch(`${one.url}/api/journeys/${id}/share/${link.id}`, {
      method: 'DELETE',
      headers: editor,
    })
    expect(revoked.status).toBe(204)
    for (const socket of sockets) {
      expect(await socket.closed).toEqual({ code: 4403, reason: 'link revoked' })
    }
    const refused = await fetch(`${two.url}/api/journeys/${id}/review?token=${token}`)
    expect(refused.status).toBe(401)
    expect(await refused.json()).toEqual({ error: 'link revoked' })
    expect(await rawSocket(`${two.syncUrl}/${id}?token=${token}`).outcome).toBe(401)
    expect(bystander.closes).toEqual([])
  })
})
