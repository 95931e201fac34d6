import { randomBytes } from 'node:crypto'
import {
  addReviewComment,
  cancelVoteSession,
  castVote,
  journeyLookup,
  type Participant,
  type ReviewActor,
  readReview,
} from '@touchline/model'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createAuth } from '../src/auth/index.js'
import { IdentityTokens } from '../src/identity/index.js'
import { encodeSyncStep1, encodeUpdate } from '../src/protocol/index.js'
import { type Client, roundTrip, synced } from './support/clients.js'
import { fullState, type RawSocket, rawSocket } from './support/raw-socket.js'
import {
  act,
  answerOf,
  fetchFrom,
  type Json,
  type Person,
  type Requester,
  register,
} from './support/review-api.js'
import { integrationScope } from './support/scope.js'
import { storedDoc, type TestServer, waitFor } from './support/server.js'

const SECRET = 'hostile-review-secret-0123456789'
const scope = integrationScope()
const auth = createAuth({ secret: SECRET, host: '127.0.0.1' })

type Role = 'viewer' | 'commenter' | 'editor'
type ItemRef = { touchpointId: string; itemId: null; list: null }

/** A journey under review on a real server, and the people reviewing it. */
type World = {
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

async function world(env: Record<string, string> = {}): Promise<World> {
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
async function comment(w: World, who: Person, body: string): Promise<string> {
  const made = await w.as(who, 'POST', '/comments', {
    anchor: { type: 'touchpoint', id: w.touchpoints[0] },
    body,
  })
  expect(made.status).toBe(201)
  return (made.json.comment as Json).id as string
}

/** A vote session started by the editor; its id. */
async function startSession(w: World, settings: Json): Promise<string> {
  const started = await w.as(w.fay, 'POST', '/vote-sessions', settings)
  expect(started.status).toBe(201)
  return (started.json.session as Json).id as string
}

async function vote(w: World, who: Person, sessionId: string, item: ItemRef): Promise<string> {
  const cast = await w.as(who, 'POST', `/vote-sessions/${sessionId}/votes`, { item })
  expect(cast.status).toBe(201)
  return (cast.json.vote as Json).id as string
}

/** Stock clients of `who` on both sockets of the journey, synced. */
async function connect(w: World, who: { token: string }) {
  const params = { token: who.token }
  const journey = scope.client(w.server.syncUrl, w.id, params)
  const review = scope.client(w.server.syncUrl, `${w.id}/review`, params)
  await Promise.all([synced(journey), synced(review)])
  return { journey, review }
}

/** Whether any change made by `client`'s document has reached `doc`. */
function hasChangesOf(doc: Y.Doc, client: Client): boolean {
  return Y.decodeStateVector(Y.encodeStateVector(doc)).has(client.doc.clientID)
}

function participantOf(who: Person): Participant {
  return { id: who.id, name: who.name, color: who.color }
}

function expectStillConnected(...clients: Client[]): void {
  for (const client of clients) {
    expect(client.closes).toEqual([])
    expect(client.provider.wsconnected).toBe(true)
  }
}

describe('read-only sockets, through the stock y-websocket client', () => {
  it('drops journey edits by commenters and viewers: not applied, stored or relayed', async () => {
    const w = await world()
    const bystander = await connect(w, w.fay)
    const before = await w.journey()
    const attackers = [await connect(w, w.cal), await connect(w, w.vic)]
    for (const [n, attacker] of attackers.entries()) {
      const doc = attacker.journey.doc
      doc.transact(() => {
        doc.getMap('meta').set('title', `Vandalised ${n}`)
        doc.getMap('touchpoints').delete(w.touchpoints[n] ?? '')
        doc.getMap('touchpoints').set(`tp_vandal${n}`, new Y.Map([['title', 'Vandal']]))
        // The maps of a version 1 journey's review, and the private document's.
        for (const name of ['comments', 'votes', 'ballots', 'links']) {
          doc.getMap(name).set(`x_vandal${n}`, new Y.Map([['forged', true]]))
        }
      })
      await roundTrip(attacker.journey)
    }

    expect(await w.journey()).toEqual(before)
    const stored = await storedDoc(w.server.dataDir, w.id)
    for (const attacker of attackers) {
      expect(hasChangesOf(stored, attacker.journey)).toBe(false)
      expect(hasChangesOf(bystander.journey.received, attacker.journey)).toBe(false)
      // The other attacker's edits never reached this one either.
      for (const other of attackers) {
        if (other !== attacker) {
          expect(hasChangesOf(attacker.journey.received, other.journey)).toBe(false)
        }
      }
    }
    expect(stored.getMap('meta').get('title')).toBe('Under review')
    for (const name of ['ballots', 'links']) expect(stored.getMap(name).size).toBe(0)
    // Read-only peers are kept (their editor may make local edits) and still follow along.
    expectStillConnected(...attackers.flatMap((a) => [a.journey, a.review]), bystander.journey)
    bystander.journey.doc.getMap('meta').set('description', 'edited by the editor')
    for (const attacker of attackers) {
      await waitFor(
        () => attacker.journey.doc.getMap('meta').get('description') === 'edited by the editor',
        'the editor edit reaches a read-only peer',
      )
    }
    const after = await storedDoc(w.server.dataDir, w.id)
    expect(after.getMap('meta').get('description')).toBe('edited by the editor')
  })

  it('drops every write to the review document, whatever the role', async () => {
    const w = await world()
    const existingComment = await comment(w, w.cal, 'A real comment')
    const sessionId = await startSession(w, { items: w.items.slice(0, 4), hidden: false })
    const existingVote = await vote(w, w.cal, sessionId, w.items[0] as ItemRef)
    const bystander = await connect(w, w.fay)
    const before = await w.review()
    const storedBefore = Y.encodeStateVector(await storedDoc(w.server.dataDir, `${w.id}.review`))
    const attackers = [
      { who: w.cal, sockets: await connect(w, w.cal) },
      { who: w.vic, sockets: await connect(w, w.vic) },
      // Not even editors write the review document: they too go through the API.
      { who: w.fay, sockets: await connect(w, w.fay) },
    ]
    for (const [n, { who, sockets }] of attackers.entries()) {
      const doc = sockets.review.doc
      // Valid entries, as the model writes them, so the server would show them if it took them.
      const actor: ReviewActor = { participant: participantOf(who), role: 'editor' }
      const lookup = journeyLookup(sockets.journey.doc)
      const forged = addReviewComment(
        doc,
        'attacker',
        actor,
        lookup,
        { anchor: { type: 'touchpoint', id: w.touchpoints[1] ?? '' }, body: `Forged ${n}` },
        new Date(),
      )
      const { vote: forgedVote } = castVote(
        doc,
        new Y.Doc(),
        'attacker',
        actor,
        lookup,
        sessionId,
        w.items[n + 1] as ItemRef,
        new Date(),
      )
      expect(readReview(doc).comments.map((c) => c.id)).toContain(forged.id)
      expect(readReview(doc).votes.map((v) => v.id)).toContain(forgedVote.id)
      cancelVoteSession(doc, new Y.Doc(), 'attacker', actor, sessionId, new Date())
      doc.transact(() => {
        doc.getMap('comments').delete(existingComment)
        doc.getMap('votes').delete(existingVote)
        doc.getMap('voters').delete(sessionId)
        doc.getMap('ballots').set(`v_forged${n}`, new Y.Map([['sessionId', sessionId]]))
        doc.getMap('links').set(`l_forged${n}`, { id: `l_forged${n}`, role: 'editor' })
      })
      await roundTrip(sockets.review)
    }

    expect(await w.review()).toEqual(before)
    const stored = await storedDoc(w.server.dataDir, `${w.id}.review`)
    expect(Y.encodeStateVector(stored)).toEqual(storedBefore)
    for (const { sockets } of attackers) {
      expect(hasChangesOf(stored, sockets.review)).toBe(false)
      expect(hasChangesOf(bystander.review.received, sockets.review)).toBe(false)
    }
    for (const name of ['ballots', 'links']) expect(stored.getMap(name).size).toBe(0)
    expectStillConnected(...attackers.map((a) => a.sockets.review), bystander.review)

    // What the server writes still reaches every reader of the review, attackers included.
    const later = await comment(w, w.dee, 'Through the API')
    for (const client of [bystander.review, ...attackers.map((a) => a.sockets.review)]) {
      await waitFor(() => client.doc.getMap('comments').has(later), 'the new comment arrives')
    }
  })
})

/** A socket on the review document, open, or the test fails. */
async function openReviewSocket(w: World, who: Person): Promise<RawSocket> {
  const socket = rawSocket(`${w.server.syncUrl}/${w.id}/review?token=${who.token}`)
  expect(await socket.outcome).toBe(101)
  return socket
}

describe('raw frames on the review socket', () => {
  it('closes senders of undecodable, text and oversize frames; others carry on', async () => {
    const w = await world({ TOUCHLINE_MAX_MESSAGE_BYTES: '65536' })
    const bystander = await connect(w, w.fay)
    const forged = new Y.Doc()
    forged.getMap('comments').set('c_forged', new Y.Map([['body', 'x'.repeat(200)]]))
    const valid = encodeUpdate(Y.encodeStateAsUpdate(forged))
    const cases: [string, Uint8Array | string, number][] = [
      ['garbage', new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0x01, 0x02]), 4400],
      ['truncated frame', valid.slice(0, valid.length - 20), 4400],
      ['sync message without its payload', new Uint8Array([0, 2]), 4400],
      ['unknown sync message', new Uint8Array([0, 9, 0]), 4400],
      ['bad state vector', encodeSyncStep1(new Uint8Array([9, 9, 9])), 4400],
      ['trailing bytes', new Uint8Array([...valid, 0]), 4400],
      ['empty', new Uint8Array([]), 4400],
      ['text', 'hello', 1003],
      ['oversize', new Uint8Array(100_000), 1009],
    ]
    for (const who of [w.cal, w.vic]) {
      for (const [name, payload, code] of cases) {
        const socket = await openReviewSocket(w, who)
        socket.ws.send(payload)
        expect((await socket.closed).code, `${who.name}: ${name}`).toBe(code)
      }
    }
    expectStillConnected(bystander.review, bystander.journey)
    const later = await comment(w, w.dee, 'After the garbage')
    await waitFor(() => bystander.review.doc.getMap('comments').has(later), 'the review carries on')
    expect((await w.review()).comments as Json[]).toHaveLength(1)
  })

  it('drops well-formed updates from readers, even truncated ones, and keeps the socket', async () => {
    const w = await world()
    await comment(w, w.cal, 'Before')
    const before = await w.review()
    const forged = new Y.Doc()
    forged.getMap('comments').set('c_forged', new Y.Map([['body', 'forged']]))
    forged.getMap('ballots').set('v_forged', new Y.Map([['sessionId', 's_x']]))
    const update = Y.encodeStateAsUpdate(forged)
    const syncStep2 = new Uint8Array([0, 1, ...encodeUpdate(update).slice(2)])
    const frames: [string, Uint8Array][] = [
      ['update', encodeUpdate(update)],
      ['sync step 2', syncStep2],
      // A reader's update is dropped before it is looked at, as the stock client of a
      // read-only user sends its local edits.
      ['truncated update', encodeUpdate(update.slice(0, 10))],
    ]
    for (const who of [w.cal, w.vic]) {
      for (const [name, frame] of frames) {
        const socket = await openReviewSocket(w, who)
        socket.ws.send(frame)
        const seen = await fullState(socket)
        expect(seen.getMap('comments').has('c_forged'), name).toBe(false)
        expect(socket.ws.readyState, name).toBe(socket.ws.OPEN)
        socket.ws.close()
      }
    }
    expect(await w.review()).toEqual(before)
    const stored = await storedDoc(w.server.dataDir, `${w.id}.review`)
    expect(stored.getMap('comments').has('c_forged')).toBe(false)
    expect(stored.getMap('ballots').size).toBe(0)
  })
})

describe('the review API refuses what a role or an identity does not allow', () => {
  it("keeps commenters off someone else's comments", async () => {
    const w = await world()
    const thread = await comment(w, w.cal, 'Is this email needed?')
    const reply = await w.as(w.cal, 'POST', '/comments', { parentId: thread, body: 'I think not' })
    expect(reply.status).toBe(201)
    const before = await w.review()
    // Dee even gives Cal's name: names are shown, never trusted.
    const dee = { ...w.dee, name: w.cal.name }
    const attempts: [string, string, Json | undefined, RegExp][] = [
      ['PATCH', `/comments/${thread}`, { body: 'Mine now' }, /only its author can edit/],
      ['PATCH', `/comments/${thread}`, { resolved: true }, /only the author of the thread/],
      ['DELETE', `/comments/${thread}`, undefined, /only its author or an editor/],
      ['DELETE', `/comments/${(reply.json.comment as Json).id as string}`, undefined, /only/],
    ]
    for (const [method, path, body, error] of attempts) {
      const refused = await w.as(dee, method, path, body)
      expect(refused.status, `${method} ${path}`).toBe(403)
      expect(refused.json.error).toMatch(error)
    }
    expect(await w.review()).toEqual(before)
  })

  it('keeps votes within the rules of their session', async () => {
    const w = await world()
    const items = w.items.slice(0, 4)
    const sessionId = await startSession(w, { items, votesPerPerson: 2 })
    const calVote = await vote(w, w.cal, sessionId, items[0] as ItemRef)
    const deeVote = await vote(w, w.dee, sessionId, items[1] as ItemRef)

    const twice = await w.as(w.cal, 'POST', `/vote-sessions/${sessionId}/votes`, { item: items[0] })
    expect(twice.status).toBe(409)
    expect(twice.json.error).toMatch(/already voted for this item/)
    const withdraw = await w.as(w.cal, 'DELETE', `/vote-sessions/${sessionId}/votes/${deeVote}`)
    expect(withdraw.status).toBe(403)
    expect(withdraw.json.error).toMatch(/only your own votes/)
    await vote(w, w.cal, sessionId, items[1] as ItemRef)
    const over = await w.as(w.cal, 'POST', `/vote-sessions/${sessionId}/votes`, { item: items[2] })
    expect(over.status).toBe(409)
    expect(over.json.error).toMatch(/used all 2 votes/)
    const byViewer = await w.as(w.vic, 'POST', `/vote-sessions/${sessionId}/votes`, {
      item: items[2],
    })
    expect(byViewer.status).toBe(403)
    expect(byViewer.json.error).toMatch(/commenter/)
    const mine = await w.as(w.dee, 'GET', `/vote-sessions/${sessionId}/my-votes`)
    expect((mine.json.votes as Json[]).map((v) => v.id)).toEqual([deeVote])
    expect(mine.json.remaining).toBe(1)

    // Only editors run sessions; the route says so before the model is asked.
    const before = await w.review()
    for (const who of [w.cal, w.vic]) {
      for (const [path, body] of [
        ['/vote-sessions', { items }],
        [`/vote-sessions/${sessionId}/reveal`, {}],
        [`/vote-sessions/${sessionId}/cancel`, {}],
      ] as const) {
        const refused = await w.as(who, 'POST', path, body)
        expect(refused.status, `${who.name} ${path}`).toBe(403)
        expect(refused.json.error).toMatch(/needs the editor role/)
      }
    }
    expect(await w.review()).toEqual(before)

    const revealed = await w.as(w.fay, 'POST', `/vote-sessions/${sessionId}/reveal`, {})
    expect(revealed.status).toBe(200)
    const cancelledId = await startSession(w, { items, hidden: false })
    const cancelledVote = await vote(w, w.dee, cancelledId, items[0] as ItemRef)
    expect((await w.as(w.fay, 'POST', `/vote-sessions/${cancelledId}/cancel`, {})).status).toBe(200)
    const closed = await w.review()
    for (const [id, status, own] of [
      [sessionId, 'revealed', calVote],
      [cancelledId, 'cancelled', cancelledVote],
    ] as const) {
      const who = own === calVote ? w.cal : w.dee
      const late = await w.as(w.dee, 'POST', `/vote-sessions/${id}/votes`, { item: items[3] })
      expect(late.status).toBe(409)
      expect(late.json.error).toBe(`the vote session is ${status}`)
      const takeBack = await w.as(who, 'DELETE', `/vote-sessions/${id}/votes/${own}`)
      expect(takeBack.status).toBe(409)
      const again = await w.as(w.fay, 'POST', `/vote-sessions/${id}/reveal`, {})
      expect(again.status).toBe(409)
    }
    expect(await w.review()).toEqual(closed)
  })

  it('closes voting at endsAt, for votes and withdrawals alike', async () => {
    const w = await world()
    const items = w.items.slice(0, 3)
    const endsAt = new Date(Date.now() + 1_500).toISOString()
    const sessionId = await startSession(w, { items, endsAt, hidden: false })
    const own = await vote(w, w.cal, sessionId, items[0] as ItemRef)
    await new Promise((resolve) => setTimeout(resolve, Date.parse(endsAt) - Date.now() + 50))
    const before = await w.review()
    const late = await w.as(w.cal, 'POST', `/vote-sessions/${sessionId}/votes`, { item: items[1] })
    expect(late.status).toBe(409)
    expect(late.json.error).toBe(`the vote session ended at ${endsAt}`)
    const withdraw = await w.as(w.cal, 'DELETE', `/vote-sessions/${sessionId}/votes/${own}`)
    expect(withdraw.status).toBe(409)
    expect(await w.review()).toEqual(before)
  })

  it('keeps share links to editors', async () => {
    const w = await world()
    const made = await w.as(w.fay, 'POST', '/share', { role: 'viewer', ttl: '1h' })
    expect(made.status).toBe(201)
    const linkId = (made.json.link as Json).id as string
    for (const who of [w.cal, w.vic]) {
      const attempts = [
        await w.as(who, 'POST', '/share', { role: 'editor', ttl: '1h' }),
        await w.as(who, 'GET', '/share'),
        await w.as(who, 'DELETE', `/share/${linkId}`),
      ]
      for (const refused of attempts) {
        expect(refused.status).toBe(403)
        expect(refused.json.error).toMatch(/needs the editor role/)
      }
    }
    // A commenter's share link is a commenter's token, however it is used.
    const link = await w.as(w.fay, 'POST', '/share', { role: 'commenter', ttl: '1h' })
    const viaLink = { ...w.cal, token: link.json.token as string }
    expect((await w.as(viaLink, 'POST', '/share', { role: 'editor' })).status).toBe(403)
    const listed = await w.as(w.fay, 'GET', '/share')
    expect((listed.json.links as Json[]).map((l) => l.role).sort()).toEqual(['commenter', 'viewer'])
    expect((await w.as(viaLink, 'DELETE', `/share/${linkId}`)).status).toBe(403)
    expect((await w.as(w.fay, 'GET', '/share')).json).toEqual(listed.json)
  })

  it('refuses forged and foreign identities, and each token where the other belongs', async () => {
    const w = await world()
    const elsewhere = await scope.server({ TOUCHLINE_SECRET: `${SECRET}-elsewhere` })
    const foreign = await register(
      fetchFrom(elsewhere.url),
      createAuth({ secret: `${SECRET}-elsewhere`, host: '127.0.0.1' }).mint('*', 'viewer', 60)
        .token,
      'Cal',
    )
    const selfSigned = new IdentityTokens(randomBytes(32)).issue().token
    const [, calId, calSignature] = w.cal.identity.split('.')
    const identities: [string, string, string][] = [
      ['forged signature', `ti1.${calId}.AAAA`, 'invalid identity'],
      ['signed with another key', selfSigned, 'invalid identity'],
      ["another server's identity", foreign.identity, 'invalid identity'],
      ["another id with Cal's signature", `ti1.p_other.${calSignature}`, 'invalid identity'],
      ['an access token', w.cal.token, 'invalid identity'],
      ['nothing', '', 'identity required'],
    ]
    const body = { anchor: { type: 'touchpoint', id: w.touchpoints[0] }, body: 'Hi' }
    for (const [name, identity, error] of identities) {
      const refused = await w.as({ ...w.cal, identity }, 'POST', '/comments', body)
      expect(refused.status, name).toBe(401)
      expect(refused.json.error, name).toBe(error)
    }
    const tokens: [string, string][] = [
      ['an identity token', w.cal.identity],
      ["another server's access token", foreign.token],
      ['a forged access token', `${w.cal.token.slice(0, -4)}AAAA`],
    ]
    for (const [name, token] of tokens) {
      const refused = await w.as({ ...w.cal, token }, 'POST', '/comments', body)
      expect(refused.status, name).toBe(401)
      expect(refused.json.error, name).toBe('invalid token')
      expect(await rawSocket(`${w.server.syncUrl}/${w.id}/review?token=${token}`).outcome).toBe(401)
    }
    expect((await w.review()).comments).toEqual([])
  })

  it("lets anyone be called anything, but never act under someone else's id", async () => {
    const w = await world()
    const posing = await w.as(w.cal, 'POST', '/comments', {
      anchor: { type: 'touchpoint', id: w.touchpoints[0] },
      body: 'Signed, Fay',
      author: { id: w.fay.id, name: w.fay.name, color: w.fay.color },
    })
    expect(posing.status).toBe(201)
    const posed = posing.json.comment as { id: string; author: Participant }
    expect(posed.author).toEqual({ id: w.cal.id, name: 'Fay', color: w.fay.color })
    expect(posed.author.id).not.toBe(w.fay.id)
    const stored = ((await w.review()).comments as Json[]).find((c) => c.id === posed.id)
    expect(stored?.author).toEqual(posed.author)
    // It is Cal's comment: the real Fay cannot edit its text, and Cal can.
    const byFay = await w.as(w.fay, 'PATCH', `/comments/${posed.id}`, { body: 'Not mine' })
    expect(byFay.status).toBe(403)
    const byCal = await w.as(w.cal, 'PATCH', `/comments/${posed.id}`, { body: 'Mine' })
    expect(byCal.status).toBe(200)

    const sessionId = await startSession(w, { items: w.items.slice(0, 2) })
    const cast = await w.as(w.cal, 'POST', `/vote-sessions/${sessionId}/votes`, {
      item: w.items[0],
      author: { id: w.dee.id, name: w.dee.name, color: w.dee.color },
    })
    expect(cast.status).toBe(201)
    expect((cast.json.vote as { voter: Participant }).voter.id).toBe(w.cal.id)
    expect((await w.review()).voters).toEqual({ [sessionId]: [w.cal.id] })
    const deeVotes = await w.as(w.dee, 'GET', `/vote-sessions/${sessionId}/my-votes`)
    expect(deeVotes.json.votes).toEqual([])
  })

  it('answers malformed, mistyped and oversize bodies with 400, 415 and 413', async () => {
    const w = await world()
    const thread = await comment(w, w.cal, 'Thread')
    const sessionId = await startSession(w, { items: w.items.slice(0, 2) })
    const before = await w.review()
    const raw = async (
      who: Person,
      path: string,
      body: string | Uint8Array,
      headers: Record<string, string> = {},
    ) =>
      answerOf(
        await w.api(path.startsWith('/api/') ? path : `/api/journeys/${w.id}${path}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${who.token}`,
            'x-touchline-identity': who.identity,
            'content-type': 'application/json',
            ...headers,
          },
          body,
        }),
      )
    const author = { name: 'Cal', color: '#4f46e5' }
    const refusals: [string, Promise<{ status: number; json: Json }>, number, RegExp][] = [
      ['not JSON', raw(w.cal, '/comments', '{"body": '), 400, /not valid JSON/],
      ['not an object', raw(w.cal, '/comments', '[1, 2]'), 400, /must be a JSON object/],
      ['null', raw(w.cal, '/comments', 'null'), 400, /must be a JSON object/],
      [
        'not UTF-8',
        raw(w.cal, '/comments', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])),
        400,
        /not UTF-8/,
      ],
      [
        'not declared JSON',
        raw(w.cal, '/comments', JSON.stringify({ body: 'x', author }), {
          'content-type': 'text/plain',
        }),
        415,
        /application\/json/,
      ],
      [
        'a body that is a number',
        w.as(w.cal, 'POST', '/comments', { anchor: { type: 'canvas', x: 0, y: 0 }, body: 42 }),
        400,
        /body/,
      ],
      [
        'an unknown anchor type',
        w.as(w.cal, 'POST', '/comments', { anchor: { type: 'moon' }, body: 'x' }),
        400,
        /anchor/,
      ],
      [
        'an author without a colour',
        w.as(w.cal, 'POST', '/comments', { body: 'x', author: { name: 'Cal' } }),
        400,
        /invalid author/,
      ],
      [
        'resolved as text',
        patch(w, w.cal, `/comments/${thread}`, { resolved: 'yes' }),
        400,
        /resolved/,
      ],
      [
        'an item as text',
        w.as(w.cal, 'POST', `/vote-sessions/${sessionId}/votes`, { item: 'the first one' }),
        400,
        /item/,
      ],
      [
        'an oversize comment',
        raw(w.cal, '/comments', JSON.stringify({ body: 'x'.repeat(600 * 1024), author })),
        413,
        /larger than/,
      ],
      [
        'an oversize identity',
        raw(w.cal, '/api/identity', JSON.stringify({ name: 'x'.repeat(8 * 1024), color: '#000' })),
        413,
        /larger than/,
      ],
      [
        'an oversize share request',
        raw(w.fay, '/share', JSON.stringify({ role: 'viewer', label: 'x'.repeat(8 * 1024) })),
        413,
        /larger than/,
      ],
    ]
    for (const [name, request, status, error] of refusals) {
      const answer = await request
      expect(answer.status, name).toBe(status)
      expect(answer.json.error, name).toMatch(error)
    }
    const votesPerPerson = await w.as(w.fay, 'POST', '/vote-sessions', {
      items: w.items.slice(0, 2),
      votesPerPerson: 'lots',
    })
    expect(votesPerPerson.status).toBe(400)
    expect(await w.review()).toEqual(before)
    expect((await w.api('/api/health', {})).status).toBe(200)
  })
})

function patch(w: World, who: Person, path: string, body: Json) {
  return w.as(who, 'PATCH', path, body)
}

describe('hidden votes stay hidden until the reveal', () => {
  it('shows nobody the ballots through the API or the review socket', async () => {
    const w = await world()
    const items = w.items.slice(0, 3)
    const sessionId = await startSession(w, { items, votesPerPerson: 2, hidden: true })
    const calVotes = [
      await vote(w, w.cal, sessionId, items[0] as ItemRef),
      await vote(w, w.cal, sessionId, items[1] as ItemRef),
    ]
    const deeVotes = [await vote(w, w.dee, sessionId, items[1] as ItemRef)]
    const ballots = [...calVotes, ...deeVotes]

    for (const who of [w.cal, w.dee, w.vic, w.fay]) {
      const seen = await w.as(who, 'GET', '/review')
      expect(seen.status).toBe(200)
      expect(seen.json.votes, who.name).toEqual([])
      expect(seen.json.voters).toEqual({ [sessionId]: [w.cal.id, w.dee.id].sort() })
      const session = (seen.json.sessions as Json[]).find((s) => s.id === sessionId)
      expect(session?.results).toBeNull()
      for (const id of ballots) expect(JSON.stringify(seen.json)).not.toContain(id)
    }
    const calMine = await w.as(w.cal, 'GET', `/vote-sessions/${sessionId}/my-votes`)
    expect((calMine.json.votes as Json[]).map((v) => v.id).sort()).toEqual([...calVotes].sort())
    const deeMine = await w.as(w.dee, 'GET', `/vote-sessions/${sessionId}/my-votes`)
    expect((deeMine.json.votes as Json[]).map((v) => v.id)).toEqual(deeVotes)
    const viewerMine = await w.as(w.vic, 'GET', `/vote-sessions/${sessionId}/my-votes`)
    expect(viewerMine.status).toBe(403)

    const readers: RawSocket[] = []
    for (const who of [w.cal, w.vic]) {
      const socket = await openReviewSocket(w, who)
      readers.push(socket)
      const review = await fullState(socket)
      expect(readReview(review).voters).toEqual({ [sessionId]: [w.cal.id, w.dee.id].sort() })
      expect(review.getMap('votes').size).toBe(0)
      for (const name of ['ballots', 'links']) expect(review.share.has(name), name).toBe(false)
      const bytes = Buffer.concat(socket.frames)
      for (const id of ballots) expect(bytes.includes(id)).toBe(false)
    }

    // The same decoding finds them once revealed: it would have, had they been sent.
    const revealed = await w.as(w.fay, 'POST', `/vote-sessions/${sessionId}/reveal`, {})
    expect(revealed.status).toBe(200)
    for (const socket of readers) {
      await waitFor(() => Buffer.concat(socket.frames).includes(ballots[0] ?? ''), 'the reveal')
      const review = await fullState(socket)
      expect(
        readReview(review)
          .votes.map((v) => v.id)
          .sort(),
      ).toEqual([...ballots].sort())
      expect(review.share.has('ballots')).toBe(false)
    }
  })

  it('never serves the private document', async () => {
    const w = await world()
    await w.as(w.fay, 'POST', '/share', { role: 'viewer', ttl: '1h' })
    const admin = auth.mint('*', 'editor', 60).token
    for (const token of [w.fay.token, admin]) {
      for (const path of [`${w.id}.private`, `${w.id}.review`, `${w.id}%2Eprivate`]) {
        const socket = rawSocket(`${w.server.syncUrl}/${path}?token=${token}`)
        expect(await socket.outcome, path).toBe(400)
      }
      for (const path of [`${w.id}/private`, `${w.id}/review/private`]) {
        expect(await rawSocket(`${w.server.syncUrl}/${path}?token=${token}`).outcome, path).toBe(
          404,
        )
      }
      for (const [method, path] of [
        ['GET', 'review'],
        ['GET', 'export'],
        ['GET', 'share'],
        ['POST', 'comments'],
        ['POST', 'share'],
        ['DELETE', 'share/l_any'],
      ]) {
        const res = await w.api(`/api/journeys/${w.id}.private/${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          ...(method === 'POST' ? { body: '{}' } : {}),
        })
        expect(res.status, `${method} ${path}`).toBe(400)
      }
      const listed = await w.api('/api/journeys', { headers: { authorization: `Bearer ${token}` } })
      const ids = ((await listed.json()) as Json[]).map((j) => j.id as string)
      expect(ids).toContain(w.id)
      expect(ids.filter((id) => id.includes('.'))).toEqual([])
    }
  })
})

describe('revoking a share link', () => {
  it('closes its sockets with 4403 and refuses its token from then on', async () => {
    const w = await world()
    const made = await w.as(w.fay, 'POST', '/share', { role: 'commenter', ttl: '1h' })
    expect(made.status).toBe(201)
    const linkId = (made.json.link as Json).id as string
    const token = made.json.token as string
    const linked = await connect(w, { token })
    const raw = [
      rawSocket(`${w.server.syncUrl}/${w.id}?token=${token}`),
      rawSocket(`${w.server.syncUrl}/${w.id}/review?token=${token}`),
    ]
    for (const socket of raw) expect(await socket.outcome).toBe(101)
    const bystander = await connect(w, w.fay)
    const viaLink = await register(w.api, token, 'Linda')
    expect((await comment(w, viaLink, 'Through the link')).length).toBeGreaterThan(0)

    const revoked = await w.as(w.fay, 'DELETE', `/share/${linkId}`)
    expect(revoked.status).toBe(204)
    const started = Date.now()
    for (const socket of raw)
      expect(await socket.closed).toEqual({ code: 4403, reason: 'link revoked' })
    await waitFor(
      () => linked.journey.closes.includes(4403) && linked.review.closes.includes(4403),
      'the stock clients closed with 4403',
      5_000,
    )
    expect(Date.now() - started).toBeLessThan(5_000)

    const refused = await w.as(viaLink, 'POST', '/comments', {
      anchor: { type: 'touchpoint', id: w.touchpoints[0] },
      body: 'Still here?',
    })
    expect(refused).toEqual({ status: 401, json: { error: 'link revoked' } })
    expect((await w.as(viaLink, 'GET', '/review')).status).toBe(401)
    for (const path of [w.id, `${w.id}/review`]) {
      expect(await rawSocket(`${w.server.syncUrl}/${path}?token=${token}`).outcome).toBe(401)
    }
    expect((await w.as(w.fay, 'GET', '/share')).json).toEqual({ links: [] })
    expectStillConnected(bystander.journey, bystander.review)
  })
})
