import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/errors.js'
import type { RegisteredIdentity } from '../collab/identity.js'
import { createReviewApi, IDENTITY_HEADER, type IdentitySource } from './review-api.js'

interface Sent {
  method: string
  url: string
  headers: Headers
  body: unknown
}

/** A fetch that records requests and answers from a list, like the server would. */
function fakeServer(answers: Response[]) {
  const sent: Sent[] = []
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : null
    sent.push({
      method: init?.method ?? 'GET',
      url: String(input),
      headers: new Headers(init?.headers),
      body,
    })
    const answer = answers.shift()
    if (!answer) throw new Error('no answer left')
    return answer
  }
  return { fetch, sent }
}

function identities(...tokens: string[]): IdentitySource & { renewed: string[] } {
  const issued = tokens.map(
    (token, index): RegisteredIdentity => ({
      id: `p${index}`,
      token,
      name: 'Ada',
      color: '#4f46e5',
    }),
  )
  let current = 0
  const renewed: string[] = []
  return {
    renewed,
    current: async () => issued[current] as RegisteredIdentity,
    renew: async (refused) => {
      renewed.push(refused.token)
      current += 1
      return issued[current] as RegisteredIdentity
    },
  }
}

const comment = {
  id: 'c1',
  anchor: { type: 'touchpoint', id: 'tp1' },
  parentId: null,
  author: { id: 'p0', name: 'Ada', color: '#4f46e5' },
  body: 'Why here?',
  mentions: [],
  createdAt: '2026-12-07T12:00:00.000Z',
  editedAt: null,
  resolved: false,
  resolvedBy: null,
}

describe('review api', () => {
  it('acts as this person: identity token in the header, name and colour in the body', async () => {
    const { fetch, sent } = fakeServer([Response.json({ comment }, { status: 201 })])
    const api = createReviewApi({
      journeyId: 'j 1',
      token: 'share',
      fetch,
      identity: identities('ti1.a'),
    })
    const created = await api.addComment({
      anchor: { type: 'touchpoint', id: 'tp1' },
      body: 'Why here?',
    })
    expect(created).toEqual(comment)
    const [request] = sent
    expect(request?.method).toBe('POST')
    expect(request?.url).toBe('/api/journeys/j%201/comments')
    expect(request?.headers.get(IDENTITY_HEADER)).toBe('ti1.a')
    expect(request?.headers.get('authorization')).toBe('Bearer share')
    expect(request?.body).toEqual({
      anchor: { type: 'touchpoint', id: 'tp1' },
      body: 'Why here?',
      author: { name: 'Ada', color: '#4f46e5' },
    })
  })

  it('registers again and retries once when the server no longer accepts the identity', async () => {
    const { fetch, sent } = fakeServer([
      Response.json({ error: 'invalid identity' }, { status: 401 }),
      Response.json({ vote: { id: 'v1' }, remaining: 2 }, { status: 201 }),
    ])
    const identity = identities('stale', 'fresh')
    const api = createReviewApi({ journeyId: 'j1', fetch, identity })
    const item = { touchpointId: 'tp1', itemId: null, list: null }
    expect(await api.castVote('s1', item)).toEqual({ vote: { id: 'v1' }, remaining: 2 })
    expect(identity.renewed).toEqual(['stale'])
    expect(sent.map((request) => request.headers.get(IDENTITY_HEADER))).toEqual(['stale', 'fresh'])
    expect(sent[1]?.url).toBe('/api/journeys/j1/vote-sessions/s1/votes')
  })

  it('throws the server’s refusal, without renewing for anything but the identity', async () => {
    const { fetch } = fakeServer([
      Response.json({ error: 'you have no votes left in this session' }, { status: 409 }),
      Response.json({ error: 'link revoked' }, { status: 401 }),
    ])
    const identity = identities('t')
    const api = createReviewApi({ journeyId: 'j1', fetch, identity })
    const item = { touchpointId: 'tp1', itemId: null, list: null }
    const refusal = await api.castVote('s1', item).catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(ApiError)
    expect((refusal as ApiError).message).toBe('you have no votes left in this session')
    const revoked = await api.deleteComment('c1').catch((error: unknown) => error)
    expect((revoked as ApiError).reason).toBe('link revoked')
    expect(identity.renewed).toEqual([])
  })

  it('reads the review and the share links without acting, and sends deletes without a body', async () => {
    const { fetch, sent } = fakeServer([
      Response.json({ comments: [comment], sessions: [], voters: {}, votes: [] }),
      Response.json({ links: [{ id: 'l1', role: 'commenter', url: 'http://x/j/j1?token=t' }] }),
      new Response(null, { status: 204 }),
      Response.json({ remaining: 3 }),
    ])
    const api = createReviewApi({ journeyId: 'j1', fetch, identity: identities('t') })
    expect((await api.getReview()).comments).toEqual([comment])
    expect((await api.listShareLinks())[0]?.id).toBe('l1')
    await api.revokeShareLink('l1')
    expect(await api.withdrawVote('s1', 'v1')).toEqual({ remaining: 3 })
    expect(sent.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /api/journeys/j1/review',
      'GET /api/journeys/j1/share',
      'DELETE /api/journeys/j1/share/l1',
      'DELETE /api/journeys/j1/vote-sessions/s1/votes/v1',
    ])
    expect(sent[0]?.headers.get(IDENTITY_HEADER)).toBeNull()
    expect(sent[2]?.body).toBeNull()
  })

  it('refuses an answer that is not what the route returns', async () => {
    const { fetch } = fakeServer([Response.json({ ok: true }, { status: 201 })])
    const api = createReviewApi({ journeyId: 'j1', fetch, identity: identities('t') })
    await expect(api.startVoteSession({ items: [] })).rejects.toThrow(/unexpected session/)
  })

  it('creates a share link and answers its url and token', async () => {
    const link = {
      id: 'l1',
      role: 'commenter',
      label: 'Workshop',
      createdAt: 'x',
      expiresAt: 'y',
      createdBy: null,
      revokedAt: null,
    }
    const { fetch, sent } = fakeServer([
      Response.json(
        { link, token: 'tl1.x.y', url: 'http://h/j/j1?token=tl1.x.y' },
        { status: 201 },
      ),
    ])
    const api = createReviewApi({ journeyId: 'j1', fetch, identity: identities('t') })
    const created = await api.createShareLink({ role: 'commenter', ttl: '7d', label: 'Workshop' })
    expect(created.url).toBe('http://h/j/j1?token=tl1.x.y')
    expect(created.link).toEqual({ ...link, url: created.url })
    expect(sent[0]?.body).toMatchObject({ role: 'commenter', ttl: '7d', label: 'Workshop' })
  })
})
