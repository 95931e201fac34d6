import { expect } from 'vitest'

export type Json = Record<string, unknown>

/** How a test reaches the API: an app's `request`, or `fetch` against a running server. */
export type Requester = (path: string, init: RequestInit) => Response | Promise<Response>

/** One person: an access token of a role, and the identity the server issued to them. */
export type Person = { token: string; identity: string; id: string; name: string; color: string }

export type Answer = { status: number; json: Json }

export function fetchFrom(baseUrl: string): Requester {
  return (path, init) => fetch(`${baseUrl}${path}`, init)
}

/** Registers a participant with `POST /api/identity`, as the web app does on first visit. */
export async function register(
  request: Requester,
  token: string,
  name: string,
  color = '#4f46e5',
): Promise<Person> {
  const res = await request('/api/identity', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, color }),
  })
  expect(res.status).toBe(201)
  const body = (await res.json()) as { token: string; identity: { id: string; name: string } }
  expect(body.identity.name).toBe(name)
  return { token, identity: body.token, id: body.identity.id, name, color }
}

export async function answerOf(res: Response): Promise<Answer> {
  const text = await res.text()
  return { status: res.status, json: text === '' ? {} : (JSON.parse(text) as Json) }
}

/**
 * A request to `/api/journeys/:journeyId{path}` as `who` would make it from the web app:
 * both tokens, and for a body their name and colour as `author` (unless the body gives one).
 */
export async function act(
  request: Requester,
  journeyId: string,
  who: Person,
  method: string,
  path: string,
  body?: Json,
): Promise<Answer> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${who.token}`,
    'x-touchline-identity': who.identity,
  }
  const init: RequestInit = { method, headers }
  if (body) {
    headers['content-type'] = 'application/json'
    init.body = JSON.stringify({ author: { name: who.name, color: who.color }, ...body })
  }
  return answerOf(await request(`/api/journeys/${journeyId}${path}`, init))
}
