import type { Participant } from '@touchline/model'
import { expect } from 'vitest'
import * as Y from 'yjs'
import { createAuth } from '../../src/auth/index.js'
import { type Client, synced } from './clients.js'
import { type RawSocket, rawSocket } from './raw-socket.js'
import { act, fetchFrom, type Json, type Person, type Requester, register } from './review-api.js'
import type { integrationScope } from './scope.js'
import type { TestServer } from './server.js'

export const SECRET = 'hostile-review-secret-0123456789'
export const auth = createAuth({ secret: SECRET, host: '127.0.0.1' })

export type Role = 'viewer' | 'commenter' | 'editor'
export type ItemRef = { touchpointId: string; itemId: null; list: null }

/** A journey under review on a real server, and the people reviewing it. */
export type World = {
  server: TestServer
  api: Requester
  id: string
  touchpoints: string[]
  items: ItemRef[]
  /** Editor. */
  fay: Person
  /** Commenters. */
  cal: Person
  dee: Person
  /** Viewer. */
  vic: Person
  person(role: Role, name: string): Promise<Person>
  as(who: Person, method: string, path: string, body?: Json): ReturnType<typeof act>
  /** The review as an editor reads it. */
  review(): Promise<Json>
  /** The journey as an editor exports it, without the moment of the export. */
  journey(): Promise<Json>
}

type Scope = ReturnType<typeof integrationScope>

export async function world(scope: Scope, env: Record<string, string> = {}): Promise<World> {
  const server = await scope.server({ TOUCHLINE_SECRET: SECRET, ...env })
  const api = fetchFrom(server.url)
  const admin = auth.mint('*', 'editor', 3600).token
  const created = await api('/api/journeys', {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Under review', template: 'enterprise-demand-generation' }),
  })
  expect(created.status).toBe(201)
  const id = ((await created.json()) as { id: string }).id
  const person = (role: Role, name: string) => register(api, auth.mint(id, role, 3600).token, name)
  const [fay, cal, dee, vic] = await Promise.all([
    person('editor', 'Fay'),
    person('commenter', 'Cal'),
    person('commenter', 'Dee'),
    person('viewer', 'Vic'),
  ])
  const as = (who: Person, method: string, path: string, body?: Json) =>
    act(api, id, who, method, path, body)
  const journey = async () => {
    const res = await api(`/api/journeys/${id}/export`, {
      headers: { authorization: `Bearer ${fay.token}` },
    })
    expect(res.status).toBe(200)
    return ((await res.json()) as { journey: Json }).journey
  }
  const exported = await journey()
  const touchpoints = (exported.touchpoints as Json[]).map((t) => t.id as string)
  expect(touchpoints.length).toBeGreaterThan(3)
  return {
    server,
    api,
    id,
    touchpoints,
    items: touchpoints.map((touchpointId) => ({ touchpointId, itemId: null, list: null })),
    fay,
    cal,
    dee,
    vic,
    person,
    as,
    async review() {
      const read = await as(fay, 'GET', '/review')
      expect(read.status).toBe(200)
      return read.json
    },
    journey,
  }
}

/** A comment by `who` on the first touchpoint; its id. */
export async function comment(w: World, who: Person, body: string): Promise<string> {
  const made = await w.as(who, 'POST', '/comments', {
    anchor: { type: 'touchpoint', id: w.touchpoints[0] },
    body,
  })
  expect(made.status).toBe(201)
  return (made.json.comment as Json).id as string
}

/** A vote session started by the editor; its id. */
export async function startSession(w: World, settings: Json): Promise<string> {
  const started = await w.as(w.fay, 'POST', '/vote-sessions', settings)
  expect(started.status).toBe(201)
  return (started.json.session as Json).id as string
}

export async function vote(
  w: World,
  who: Person,
  sessionId: string,
  item: ItemRef,
): Promise<string> {
  const cast = await w.as(who, 'POST', `/vote-sessions/${sessionId}/votes`, { item })
  expect(cast.status).toBe(201)
  return (cast.json.vote as Json).id as string
}

/** Stock clients of `who` on both sockets of the journey, synced. */
export async function connect(scope: Scope, w: World, who: { token: string }) {
  const params = { token: who.token }
  const journey = scope.client(w.server.syncUrl, w.id, params)
  const review = scope.client(w.server.syncUrl, `${w.id}/review`, params)
  await Promise.all([synced(journey), synced(review)])
  return { journey, review }
}

/** Whether any change made by `client`'s document has reached `doc`. */
export function hasChangesOf(doc: Y.Doc, client: Client): boolean {
  return Y.decodeStateVector(Y.encodeStateVector(doc)).has(client.doc.clientID)
}

export function participantOf(who: Person): Participant {
  return { id: who.id, name: who.name, color: who.color }
}

export function expectStillConnected(...clients: Client[]): void {
  for (const client of clients) {
    expect(client.closes).toEqual([])
    expect(client.provider.wsconnected).toBe(true)
  }
}

/** A socket on the review document, open, or the test fails. */
export async function openReviewSocket(w: World, who: Person): Promise<RawSocket> {
  const socket = rawSocket(`${w.server.syncUrl}/${w.id}/review?token=${who.token}`)
  expect(await socket.outcome).toBe(101)
  return socket
}
