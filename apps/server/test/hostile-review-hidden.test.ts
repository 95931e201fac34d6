import { readReview } from '@touchline/model'
import { describe, expect, it } from 'vitest'
import { fullState, type RawSocket, rawSocket } from './support/raw-socket.js'
import { type Json, register } from './support/review-api.js'
import {
  auth,
  comment,
  connect,
  expectStillConnected,
  type ItemRef,
  openReviewSocket,
  startSession,
  vote,
  world,
} from './support/review-world.js'
import { integrationScope } from './support/scope.js'
import { waitFor } from './support/server.js'

const scope = integrationScope()

describe('hidden votes stay hidden until the reveal', () => {
  it('shows nobody the ballots through the API or the review socket', async () => {
    const w = await world(scope)
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
    const w = await world(scope)
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
    const w = await world(scope)
    const made = await w.as(w.fay, 'POST', '/share', { role: 'commenter', ttl: '1h' })
    expect(made.status).toBe(201)
    const linkId = (made.json.link as Json).id as string
    const token = made.json.token as string
    const linked = await connect(scope, w, { token })
    const raw = [
      rawSocket(`${w.server.syncUrl}/${w.id}?token=${token}`),
      rawSocket(`${w.server.syncUrl}/${w.id}/review?token=${token}`),
    ]
    for (const socket of raw) expect(await socket.outcome).toBe(101)
    const bystander = await connect(scope, w, w.fay)
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
