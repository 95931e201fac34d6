import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { createAuth } from '../src/auth/index.js'
import {
  encodeAwareness,
  encodeAwarenessUpdate,
  encodeSyncStep1,
  encodeUpdate,
} from '../src/protocol/index.js'
import { Room } from '../src/rooms/room.js'
import { sameState, synced } from './support/clients.js'
import { rawSocket } from './support/raw-socket.js'
import { integrationScope } from './support/scope.js'
import { seedJourney, storedDoc, type TestServer, tempDataDir, waitFor } from './support/server.js'

const SECRET = 'integration-test-secret-0123456789'
const scope = integrationScope()

async function serverWith(env: Record<string, string>, journeys: string[]): Promise<TestServer> {
  const dataDir = tempDataDir()
  for (const id of journeys) await seedJourney(dataDir, id)
  return scope.server(env, dataDir)
}

/** An awareness frame with one entry whose state is `json`, exactly as given. */
function awarenessOf(json: string): Uint8Array {
  return encodeAwareness(encodeAwarenessUpdate([{ clientId: 7, clock: 1, json }]))
}

/** Two stock clients on a journey still converge: the server and the room carry on. */
async function expectHealthy(url: string, id: string, params?: Record<string, string>) {
  const a = scope.client(url, id, params)
  const b = scope.client(url, id, params)
  await Promise.all([synced(a), synced(b)])
  const key = `k${Math.random()}`
  a.doc.getMap('touchpoints').set(key, 1)
  await waitFor(() => b.doc.getMap('touchpoints').get(key) === 1 && sameState(a.doc, b.doc), 'sync')
}

describe('hostile input on the sync endpoint', () => {
  it('closes senders of garbage, truncated, empty, text and oversize frames; others carry on', async () => {
    const s = await serverWith({ TOUCHLINE_MAX_MESSAGE_BYTES: '65536' }, ['room', 'other'])
    const bystander = scope.client(s.syncUrl, 'room')
    await synced(bystander)
    const doc = new Y.Doc()
    doc.getMap('meta').set('title', 'x'.repeat(200))
    const valid = encodeUpdate(Y.encodeStateAsUpdate(doc))
    const cases: [string, Uint8Array | string, number][] = [
      ['garbage', new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0x01, 0x02]), 4400],
      ['truncated frame', valid.slice(0, valid.length - 20), 4400],
      ['truncated update', encodeUpdate(Y.encodeStateAsUpdate(doc).slice(0, 30)), 4400],
      ['empty', new Uint8Array([]), 4400],
      ['bad state vector', encodeSyncStep1(new Uint8Array([9, 9, 9])), 4400],
      ['awareness not JSON', awarenessOf('{"cursor":'), 4400],
      ['awareness state not an object', awarenessOf('"just text"'), 4400],
      [
        'awareness claiming a billion entries',
        encodeAwareness(new Uint8Array([0x80, 0x94, 0xeb, 0xdc, 0x03, 1])),
        4400,
      ],
      ['text', 'hello', 1003],
      ['oversize', new Uint8Array(100_000), 1009],
    ]
    for (const [name, payload, code] of cases) {
      const socket = rawSocket(`${s.syncUrl}/room`)
      expect(await socket.outcome, name).toBe(101)
      socket.ws.send(payload)
      expect((await socket.closed).code, name).toBe(code)
    }
    expect(bystander.closes).toEqual([])
    expect((await storedDoc(s.dataDir, 'room')).getMap('meta').get('title')).toBe('room')
    await expectHealthy(s.syncUrl, 'room')
    await expectHealthy(s.syncUrl, 'other')
  })

  it('closes only the connection whose message hits an unexpected failure', async () => {
    const s = await serverWith({}, ['room'])
    const bystander = scope.client(s.syncUrl, 'room')
    await synced(bystander)
    // Only this exact frame fails: the bystander's own messages may arrive meanwhile.
    const failing = encodeSyncStep1(Y.encodeStateVector(new Y.Doc()))
    const original = Room.prototype.receive
    const receive = vi.spyOn(Room.prototype, 'receive').mockImplementation(function (
      this: Room,
      peer,
      frame,
    ) {
      if (Buffer.from(frame).equals(Buffer.from(failing))) throw new Error('unexpected')
      original.call(this, peer, frame)
    })
    try {
      const socket = rawSocket(`${s.syncUrl}/room`)
      expect(await socket.outcome).toBe(101)
      socket.ws.send(failing)
      expect((await socket.closed).code).toBe(1011)
    } finally {
      receive.mockRestore()
    }
    expect(bystander.closes).toEqual([])
    await expectHealthy(s.syncUrl, 'room')
  })

  it('refuses bad journey ids before the upgrade and unknown journeys with 4404', async () => {
    const s = await serverWith({}, ['real'])
    for (const id of ['bad%20id', 'a'.repeat(65), '..%2F..%2Fetc', '%00']) {
      expect(await rawSocket(`${s.syncUrl}/${id}`).outcome, id).toBe(400)
    }
    const unknown = rawSocket(`${s.syncUrl}/does-not-exist`)
    expect((await unknown.closed).code).toBe(4404)
    await expectHealthy(s.syncUrl, 'real')
  })

  it('refuses foreign origins and allows the listed ones', async () => {
    const s = await serverWith({ TOUCHLINE_ORIGINS: 'https://app.example.com' }, ['j'])
    expect(await rawSocket(`${s.syncUrl}/j`, { origin: 'https://evil.example' }).outcome).toBe(403)
    const listed = rawSocket(`${s.syncUrl}/j`, { origin: 'https://app.example.com' })
    expect(await listed.outcome).toBe(101)
    listed.ws.close()
    const host = new URL(s.url).host
    const sameOrigin = rawSocket(`${s.syncUrl}/j`, { origin: `http://${host}` })
    expect(await sameOrigin.outcome).toBe(101)
    sameOrigin.ws.close()
    // DNS rebinding: a foreign name pointed at 127.0.0.1 is same-origin to its own page.
    const rebound = `evil.example:${s.port}`
    expect(
      await rawSocket(`${s.syncUrl}/j`, { host: rebound, origin: `http://${rebound}` }).outcome,
    ).toBe(403)
  })

  it('asks for a token when a secret is set, and drops viewer writes sent as raw frames', async () => {
    const s = await serverWith({ TOUCHLINE_SECRET: SECRET }, ['j'])
    const auth = createAuth({ secret: SECRET, host: '127.0.0.1' })
    expect(await rawSocket(`${s.syncUrl}/j`).outcome).toBe(401)
    expect(await rawSocket(`${s.syncUrl}/j?token=forged.token`).outcome).toBe(401)
    const otherJourney = auth.mint('elsewhere', 'editor', 60).token
    expect(await rawSocket(`${s.syncUrl}/j?token=${otherJourney}`).outcome).toBe(401)

    const editorToken = auth.mint('j', 'editor', 600).token
    const editor = scope.client(s.syncUrl, 'j', { token: editorToken })
    await synced(editor)

    const viewerToken = auth.mint('j', 'viewer', 600).token
    const viewer = rawSocket(`${s.syncUrl}/j`, { authorization: `Bearer ${viewerToken}` })
    expect(await viewer.outcome).toBe(101)
    // A viewer still receives the document.
    viewer.ws.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    await waitFor(() => viewer.frames.length >= 2, 'viewer receives sync')
    const vandal = new Y.Doc()
    vandal.getMap('touchpoints').set('vandal', 'Vandalised')
    viewer.ws.send(encodeUpdate(Y.encodeStateAsUpdate(vandal)))

    editor.doc.getMap('meta').set('description', 'after the viewer')
    await expectHealthy(s.syncUrl, 'j', { token: editorToken })
    const stored = await storedDoc(s.dataDir, 'j')
    expect(stored.getMap('meta').get('description')).toBe('after the viewer')
    expect(stored.getMap('touchpoints').has('vandal')).toBe(false)
    expect(editor.doc.getMap('touchpoints').has('vandal')).toBe(false)
    expect(viewer.ws.readyState).toBe(viewer.ws.OPEN)
    viewer.ws.close()
  })

  it('closes a socket with 4401 when its token expires', async () => {
    const s = await serverWith({ TOUCHLINE_SECRET: SECRET }, ['j'])
    const auth = createAuth({ secret: SECRET, host: '127.0.0.1' })
    const { token } = auth.mint('j', 'editor', 1)
    const socket = rawSocket(`${s.syncUrl}/j?token=${token}`)
    expect(await socket.outcome).toBe(101)
    expect((await socket.closed).code).toBe(4401)
  })

  it('caps connections per address and rate-limits each connection', async () => {
    const s = await serverWith(
      { TOUCHLINE_MAX_CONNECTIONS_PER_IP: '2', TOUCHLINE_RATE_LIMIT: '5' },
      ['j'],
    )
    const first = rawSocket(`${s.syncUrl}/j`)
    const second = rawSocket(`${s.syncUrl}/j`)
    expect(await first.outcome).toBe(101)
    expect(await second.outcome).toBe(101)
    expect(await rawSocket(`${s.syncUrl}/j`).outcome).toBe(429)

    const flood = encodeSyncStep1(Y.encodeStateVector(new Y.Doc()))
    for (let i = 0; i < 60; i++) first.ws.send(flood)
    expect((await first.closed).code).toBe(4429)
    second.ws.close()
    await second.closed
    // The slots are free again.
    const again = rawSocket(`${s.syncUrl}/j`)
    expect(await again.outcome).toBe(101)
    again.ws.close()
  })

  it('counts sockets per forwarded address behind a trusted proxy', async () => {
    const s = await serverWith(
      { TOUCHLINE_MAX_CONNECTIONS_PER_IP: '1', TOUCHLINE_TRUST_PROXY: 'true' },
      ['j'],
    )
    const viaProxy = (client: string) =>
      rawSocket(`${s.syncUrl}/j`, { 'x-forwarded-for': `203.0.113.9, ${client}` })
    const first = viaProxy('198.51.100.1')
    const second = viaProxy('198.51.100.2')
    expect(await first.outcome).toBe(101)
    expect(await second.outcome).toBe(101)
    expect(await viaProxy('198.51.100.1').outcome).toBe(429)
    first.ws.close()
    second.ws.close()
  })

  it('cuts off sockets that stop answering pings, and keeps the ones that do', async () => {
    const dataDir = tempDataDir()
    await seedJourney(dataDir, 'j')
    const server = await scope.server({}, dataDir, { heartbeatMs: 100 })
    const silent = rawSocket(`${server.syncUrl}/j`, {}, { autoPong: false })
    const healthy = rawSocket(`${server.syncUrl}/j`)
    expect(await silent.outcome).toBe(101)
    expect(await healthy.outcome).toBe(101)
    expect((await silent.closed).code).toBe(1006)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(healthy.ws.readyState).toBe(healthy.ws.OPEN)
    healthy.ws.close()
  })
})
