import {
  addReviewComment,
  cancelVoteSession,
  castVote,
  journeyLookup,
  type ReviewActor,
  readReview,
} from '@touchline/model'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodeSyncStep1, encodeUpdate } from '../src/protocol/index.js'
import { roundTrip } from './support/clients.js'
import { fullState } from './support/raw-socket.js'
import type { Json } from './support/review-api.js'
import {
  comment,
  connect,
  expectStillConnected,
  hasChangesOf,
  type ItemRef,
  openReviewSocket,
  participantOf,
  startSession,
  vote,
  world,
} from './support/review-world.js'
import { integrationScope } from './support/scope.js'
import { storedDoc, waitFor } from './support/server.js'

const scope = integrationScope()

describe('read-only sockets, through the stock y-websocket client', () => {
  it('drops journey edits by commenters and viewers: not applied, stored or relayed', async () => {
    const w = await world(scope)
    const bystander = await connect(scope, w, w.fay)
    const before = await w.journey()
    const attackers = [await connect(scope, w, w.cal), await connect(scope, w, w.vic)]
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
    const w = await world(scope)
    const existingComment = await comment(w, w.cal, 'A real comment')
    const sessionId = await startSession(w, { items: w.items.slice(0, 4), hidden: false })
    const existingVote = await vote(w, w.cal, sessionId, w.items[0] as ItemRef)
    const bystander = await connect(scope, w, w.fay)
    const before = await w.review()
    const storedBefore = Y.encodeStateVector(await storedDoc(w.server.dataDir, `${w.id}.review`))
    const attackers = [
      { who: w.cal, sockets: await connect(scope, w, w.cal) },
      { who: w.vic, sockets: await connect(scope, w, w.vic) },
      // Not even editors write the review document: they too go through the API.
      { who: w.fay, sockets: await connect(scope, w, w.fay) },
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

describe('raw frames on the review socket', () => {
  it('closes senders of undecodable, text and oversize frames; others carry on', async () => {
    const w = await world(scope, { TOUCHLINE_MAX_MESSAGE_BYTES: '65536' })
    const bystander = await connect(scope, w, w.fay)
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
    const w = await world(scope)
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
