import { formatPath, type Participant, ParticipantSchema } from '@touchline/model'
import type { Context } from 'hono'
import type { IdentityTokens } from '../identity/index.js'
import { type ApiIssue, apiError } from './api-error.js'
import { isRecord } from './read-json-body.js'

/** The header acting requests carry their identity token in (from `POST /api/identity`). */
export const IDENTITY_HEADER = 'x-touchline-identity'

export type Acting = { ok: true; participant: Participant } | { ok: false; response: Response }

/**
 * Who is acting: the id from the verified identity token, with the name and colour the
 * body's `author` gives (they are only shown, so each request says them anew). Routes that
 * store no name (deleting, withdrawing a vote, revealing) may go without `author`; the
 * participant then carries the id alone, named after it.
 */
export function actingParticipant(
  c: Context,
  identities: IdentityTokens,
  body: Record<string, unknown> | null,
  author: 'required' | 'optional',
): Acting {
  const token = c.req.header(IDENTITY_HEADER)
  if (token === undefined || token === '') {
    return { ok: false, response: apiError(c, 401, 'identity required') }
  }
  const id = identities.verify(token)
  if (id === null) return { ok: false, response: apiError(c, 401, 'invalid identity') }
  const given = body?.author
  if (given === undefined && author === 'optional') {
    return { ok: true, participant: { id, name: id.slice(0, 40), color: ANONYMOUS_COLOR } }
  }
  const parsed = parseParticipant(id, given)
  if (!parsed.ok) return { ok: false, response: apiError(c, 400, 'invalid author', parsed.issues) }
  return { ok: true, participant: parsed.participant }
}

const ANONYMOUS_COLOR = '#475569'

/** `{name, color}` as a participant with `id`, or every problem, under `author`. */
export function parseParticipant(
  id: string,
  author: unknown,
): { ok: true; participant: Participant } | { ok: false; issues: ApiIssue[] } {
  if (!isRecord(author)) {
    return {
      ok: false,
      issues: [{ path: 'author', message: 'required: an object {name, color}' }],
    }
  }
  const result = ParticipantSchema.safeParse({ id, name: author.name, color: author.color })
  if (result.success) return { ok: true, participant: result.data }
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      path: formatPath([
        'author',
        ...issue.path.filter((key): key is string | number => typeof key !== 'symbol'),
      ]),
      message: issue.message,
    })),
  }
}
