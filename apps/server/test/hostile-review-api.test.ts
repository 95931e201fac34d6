import { randomBytes } from 'node:crypto'
import type { Participant } from '@touchline/model'
import { describe, expect, it } from 'vitest'
import { createAuth } from '../src/auth/index.js'
import { IdentityTokens } from '../src/identity/index.js'
import { rawSocket } from './support/raw-socket.js'
import { answerOf, fetchFrom, type Json, type Person, register } from './support/review-api.js'
import {
  comment,
  type ItemRef,
  SECRET,
  startSession,
  vote,
  type World,
  world,
} from './support/review-world.js'
import { integrationScope } from './support/scope.js'

const scope = integrationScope()

describe('the review API refuses what a role or an identity does not allow', () => {
  it("keeps commenters off someone else's comments", async () => {
    const w = await world(scope)
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
    const w = await world(scope)
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
    const w = await world(scope)
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
    const w = await world(scope)
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
    const w = await world(scope)
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
    const w = await world(scope)
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
    const w = await world(scope)
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
