import { exportJourney } from '@touchline/model'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHttpFixture, FIXTURE_SECRET } from '../../test/support/http-app.js'

type Json = Record<string, unknown>

let fixture: Awaited<ReturnType<typeof createHttpFixture>>
let journeyId: string
let touchpoints: string[]

/** One person: an access token of a role, and an identity the server issued to them. */
type Person = { token: string; identity: string; name: string; color: string }

async function person(role: 'viewer' | 'commenter' | 'editor', name: string): Promise<Person> {
  const token = fixture.auth.mint(journeyId, role, 3600).token
  const color = '#4f46e5'
  const res = await fixture.app.request('/api/identity', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, color }),
  })
  expect(res.status).toBe(201)
  const body = (await res.json()) as { token: string; identity: { id: string; name: string } }
  expect(body.identity.name).toBe(name)
  return { token, identity: body.token, name, color }
}

async function act(
  who: Person,
  method: string,
  path: string,
  body?: Json,
): Promise<{ status: number; json: Json }> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${who.token}`,
    'x-touchline-identity': who.identity,
  }
  const init: RequestInit = { method, headers }
  if (body) {
    headers['content-type'] = 'application/json'
    init.body = JSON.stringify({ ...body, author: { name: who.name, color: who.color } })
  }
  const res = await fixture.app.request(`/api/journeys/${journeyId}${path}`, init)
  const text = await res.text()
  return { status: res.status, json: text === '' ? {} : (JSON.parse(text) as Json) }
}

const review = async (who: Person) => (await act(who, 'GET', '/review')).json

beforeEach(async () => {
  fixture = await createHttpFixture({ secret: FIXTURE_SECRET })
  const admin = fixture.auth.mint('*', 'editor', 3600).token
  const created = await fixture.app.request('/api/journeys', {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Reviewed', template: 'enterprise-demand-generation' }),
  })
  expect(created.status).toBe(201)
  journeyId = ((await created.json()) as { id: string }).id
  const doc = await fixture.registry.readDoc(journeyId)
  if (!doc) throw new Error('journey missing')
  touchpoints = exportJourney(doc).journey.touchpoints.map((t) => t.id)
  doc.destroy()
  expect(touchpoints.length).toBeGreaterThan(3)
})

afterEach(async () => {
  await fixture.close()
})

describe('comments', () => {
  it('threads, replies, edits, resolves and deletes by the rules', async () => {
    const fay = await person('editor', 'Fay')
    const cal = await person('commenter', 'Cal')
    const dee = await person('commenter', 'Dee')
    const thread = await act(cal, 'POST', '/comments', {
      anchor: { type: 'touchpoint', id: touchpoints[0] },
      body: 'Is this email needed?',
    })
    expect(thread.status).toBe(201)
    const threadId = (thread.json.comment as Json).id as string
    const reply = await act(dee, 'POST', '/comments', { parentId: threadId, body: 'Yes' })
    expect(reply.status).toBe(201)
    const replyId = (reply.json.comment as Json).id as string

    expect((await act(dee, 'PATCH', `/comments/${threadId}`, { body: 'Mine now' })).status).toBe(
      403,
    )
    expect((await act(dee, 'PATCH', `/comments/${threadId}`, { resolved: true })).status).toBe(403)
    expect((await act(dee, 'DELETE', `/comments/${threadId}`)).status).toBe(403)
    const edited = await act(dee, 'PATCH', `/comments/${replyId}`, { body: 'Yes, keep it' })
    expect(edited.status).toBe(200)
    expect((edited.json.comment as Json).editedAt).not.toBeNull()
    const resolved = await act(fay, 'PATCH', `/comments/${threadId}`, { resolved: true })
    expect(resolved.status).toBe(200)
    expect((resolved.json.comment as Json).resolvedBy).toMatchObject({ name: 'Fay' })

    const comments = (await review(cal)).comments as Json[]
    expect(comments.map((c) => c.body).sort()).toEqual(['Is this email needed?', 'Yes, keep it'])
    expect((await act(fay, 'DELETE', `/comments/${threadId}`)).status).toBe(204)
    expect((await review(cal)).comments).toEqual([])
  })

  it('refuses viewers, unknown anchors and requests without an identity', async () => {
    const viewer = await person('viewer', 'Vic')
    const cal = await person('commenter', 'Cal')
    const anchor = { type: 'touchpoint', id: touchpoints[0] }
    const byViewer = await act(viewer, 'POST', '/comments', { anchor, body: 'Hi' })
    expect(byViewer.status).toBe(403)
    const missing = await act(cal, 'POST', '/comments', {
      anchor: { type: 'touchpoint', id: 'tp_nothing' },
      body: 'Hi',
    })
    expect(missing.status).toBe(404)
    const forged = await act({ ...cal, identity: 'ti1.p_someone.AAAA' }, 'POST', '/comments', {
      anchor,
      body: 'Hi',
    })
    expect(forged.status).toBe(401)
    expect(forged.json.error).toBe('invalid identity')
    expect((await review(cal)).comments).toEqual([])
  })
})

describe('vote sessions', () => {
  it('hides ballots until the reveal, then ranks and writes priorities', async () => {
    const fay = await person('editor', 'Fay')
    const cal = await person('commenter', 'Cal')
    const dee = await person('commenter', 'Dee')
    const items = touchpoints
      .slice(0, 3)
      .map((id) => ({ touchpointId: id, itemId: null, list: null }))
    const byCommenter = await act(cal, 'POST', '/vote-sessions', { items })
    expect(byCommenter.status).toBe(403)
    const started = await act(fay, 'POST', '/vote-sessions', { items, votesPerPerson: 2 })
    expect(started.status).toBe(201)
    const sessionId = (started.json.session as Json).id as string
    expect((await act(fay, 'POST', '/vote-sessions', { items })).status).toBe(409)

    const first = await act(cal, 'POST', `/vote-sessions/${sessionId}/votes`, { item: items[1] })
    expect(first.status).toBe(201)
    expect(first.json.remaining).toBe(1)
    const twice = await act(cal, 'POST', `/vote-sessions/${sessionId}/votes`, { item: items[1] })
    expect(twice.status).toBe(409)
    await act(cal, 'POST', `/vote-sessions/${sessionId}/votes`, { item: items[2] })
    const over = await act(cal, 'POST', `/vote-sessions/${sessionId}/votes`, { item: items[0] })
    expect(over.status).toBe(409)
    await act(dee, 'POST', `/vote-sessions/${sessionId}/votes`, { item: items[1] })

    const seen = await review(dee)
    expect(seen.votes).toEqual([])
    expect((seen.voters as Record<string, string[]>)[sessionId]).toHaveLength(2)
    const mine = await act(dee, 'GET', `/vote-sessions/${sessionId}/my-votes`)
    expect(mine.json).toMatchObject({ remaining: 1 })
    expect(mine.json.votes as Json[]).toHaveLength(1)
    const deeVote = (mine.json.votes as Json[])[0]?.id as string
    expect((await act(cal, 'DELETE', `/vote-sessions/${sessionId}/votes/${deeVote}`)).status).toBe(
      403,
    )

    expect((await act(cal, 'POST', `/vote-sessions/${sessionId}/reveal`, {})).status).toBe(403)
    const revealed = await act(fay, 'POST', `/vote-sessions/${sessionId}/reveal`, {})
    expect(revealed.status).toBe(200)
    const results = (revealed.json.session as Json).results as Json[]
    expect(results[0]).toMatchObject({ item: items[1], votes: 2, rank: 1 })
    expect((await review(dee)).votes as Json[]).toHaveLength(3)
    const late = await act(dee, 'POST', `/vote-sessions/${sessionId}/votes`, { item: items[0] })
    expect(late.status).toBe(409)

    const doc = await fixture.registry.readDoc(journeyId)
    if (!doc) throw new Error('journey missing')
    const voted = exportJourney(doc).journey.touchpoints.find(
      (t) => t.id === items[1]?.touchpointId,
    )
    doc.destroy()
    expect(voted?.priority).toEqual({ sessionId, rank: 1, votes: 2 })
  })
})

describe('bad requests', () => {
  it('answers malformed bodies with 400 and unknown journeys with 404', async () => {
    const cal = await person('commenter', 'Cal')
    const res = await fixture.app.request(`/api/journeys/${journeyId}/comments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${cal.token}`,
        'x-touchline-identity': cal.identity,
        'content-type': 'application/json',
      },
      body: '{"body": ',
    })
    expect(res.status).toBe(400)
    const noAuthor = await fixture.app.request(`/api/journeys/${journeyId}/comments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${cal.token}`,
        'x-touchline-identity': cal.identity,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ body: 'x', anchor: { type: 'canvas', x: 0, y: 0 } }),
    })
    expect(noAuthor.status).toBe(400)
    const admin = fixture.auth.mint('*', 'editor', 3600).token
    const gone = await fixture.app.request('/api/journeys/nothing_here/review', {
      headers: { authorization: `Bearer ${admin}` },
    })
    expect(gone.status).toBe(404)
  })
})

describe('the review in journey files', () => {
  it('exports comments and sessions without hidden ballots, and imports them back', async () => {
    const fay = await person('editor', 'Fay')
    const cal = await person('commenter', 'Cal')
    await act(cal, 'POST', '/comments', {
      anchor: { type: 'touchpoint', id: touchpoints[0] },
      body: 'Keep this one',
    })
    const item = { touchpointId: touchpoints[0], itemId: null, list: null }
    const started = await act(fay, 'POST', '/vote-sessions', { items: [item] })
    const sessionId = (started.json.session as Json).id as string
    await act(cal, 'POST', `/vote-sessions/${sessionId}/votes`, { item })

    const exported = async (id: string) => {
      const res = await fixture.app.request(`/api/journeys/${id}/export`, {
        headers: { authorization: `Bearer ${fay.token}` },
      })
      expect(res.status).toBe(200)
      return (await res.json()) as { journey: { comments: Json[]; voteSessions: Json[] } }
    }
    const during = await exported(journeyId)
    expect(during.journey.comments.map((c) => c.body)).toEqual(['Keep this one'])
    expect(during.journey.voteSessions).toHaveLength(1)
    expect(during.journey.voteSessions[0]?.votes).toEqual([])

    await act(fay, 'POST', `/vote-sessions/${sessionId}/reveal`, {})
    const after = await exported(journeyId)
    expect(after.journey.voteSessions[0]?.votes as Json[]).toHaveLength(1)

    const admin = fixture.auth.mint('*', 'editor', 3600).token
    const imported = await fixture.app.request('/api/journeys/import', {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify(after),
    })
    expect(imported.status).toBe(201)
    const copyId = ((await imported.json()) as { id: string }).id
    const copy = await fixture.app.request(`/api/journeys/${copyId}/review`, {
      headers: { authorization: `Bearer ${admin}` },
    })
    const copied = (await copy.json()) as { comments: Json[]; sessions: Json[]; votes: Json[] }
    expect(copied.comments.map((c) => c.body)).toEqual(['Keep this one'])
    expect(copied.sessions.map((s) => s.status)).toEqual(['revealed'])
    expect(copied.votes).toHaveLength(1)
  })
})
