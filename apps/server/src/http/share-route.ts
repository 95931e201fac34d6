import { createId, type Participant } from '@touchline/model'
import { type Context, Hono } from 'hono'
import { isRole, parseTtl, ROLES } from '../auth/index.js'
import { addShareLink, listShareLinks, revokeShareLink, type ShareLink } from '../links/index.js'
import { SERVER_ORIGIN } from '../review/index.js'
import { actingParticipant, IDENTITY_HEADER } from './acting-participant.js'
import { type ApiIssue, apiError } from './api-error.js'
import type { AppEnv, HttpDeps } from './app-env.js'
import { journeyIdParam } from './journey-id-param.js'
import { isRecord, readJsonBody } from './read-json-body.js'
import { requireAuth } from './require-auth.js'

const SHARE_BODY_BYTES = 4 * 1024
const DEFAULT_TTL = '7d'
const MAX_LABEL = 120

export const NO_SECRET_FOR_LINKS =
  'share links need TOUCHLINE_SECRET: without it the server does not check tokens, so a link could not limit what its holder may do. Set TOUCHLINE_SECRET (32 characters or more) and restart the server.'

/**
 * Share links, for a journey's editors: `POST /:id/share {role, ttl, label}` mints one,
 * `GET /:id/share` lists the active ones, `DELETE /:id/share/:linkId` revokes one. A link
 * is a token naming its link id, recorded in the journey's private document; revoking it
 * there refuses the token from then on and, through that document's fan-out, closes the
 * sockets opened with it on every instance (4403).
 */
export function shareRoute(deps: HttpDeps) {
  const { auth } = deps
  const editorOnly = [journeyIdParam, requireAuth(auth, 'journey-param', 'editor')] as const
  const now = () => deps.now?.() ?? new Date()

  /** The link as listed: with the URL that opens it, rebuilt from the link's claims. */
  const withUrl = (c: Context, journeyId: string, link: ShareLink) => {
    const token = auth.reissue({
      journey: journeyId,
      role: link.role,
      expiresAt: Math.floor(Date.parse(link.expiresAt) / 1000),
      link: link.id,
    })
    return { ...link, url: linkUrl(c, journeyId, token) }
  }

  return new Hono<AppEnv>()
    .post('/:id/share', ...editorOnly, async (c) => {
      const id = c.req.param('id')
      if (!auth.canMint) return apiError(c, 409, NO_SECRET_FOR_LINKS)
      const body = await readJsonBody(c, SHARE_BODY_BYTES)
      if (!body.ok) return body.response
      if (!isRecord(body.value)) return apiError(c, 400, 'send an object {role, ttl, label}')
      const value = body.value
      const issues: ApiIssue[] = []
      if (!isRole(value.role)) {
        issues.push({ path: 'role', message: `must be one of ${ROLES.join(', ')}` })
      }
      const ttlInput = value.ttl ?? DEFAULT_TTL
      const ttl =
        typeof ttlInput === 'string' || typeof ttlInput === 'number'
          ? parseTtl(ttlInput)
          : { error: 'must be a duration such as 7d, or a number of seconds' }
      if ('error' in ttl) issues.push({ path: 'ttl', message: ttl.error })
      const label = value.label ?? ''
      if (typeof label !== 'string' || label.trim().length > MAX_LABEL) {
        issues.push({ path: 'label', message: `must be text of at most ${MAX_LABEL} characters` })
      }
      const createdBy = creator(c, deps, value)
      if (!createdBy.ok) return createdBy.response
      if (issues.length > 0 || !isRole(value.role) || 'error' in ttl) {
        return apiError(c, 400, 'invalid share request', issues)
      }
      const linkId = createId('l')
      const { token, expiresAt } = auth.mint(
        id,
        value.role,
        ttl.seconds,
        c.get('grant').expiresAt,
        linkId,
      )
      const link: ShareLink = {
        id: linkId,
        role: value.role,
        label: typeof label === 'string' ? label.trim() : '',
        createdAt: now().toISOString(),
        expiresAt: new Date(expiresAt * 1000).toISOString(),
        createdBy: createdBy.participant,
        revokedAt: null,
      }
      const stored = await deps.review.change(id, (docs) =>
        addShareLink(docs.private, SERVER_ORIGIN, link),
      )
      if (stored === null) return apiError(c, 404, `journey ${id} not found`)
      const url = linkUrl(c, id, token)
      deps.logger.info({ journeyId: id, link: linkId, role: link.role }, 'share link created')
      return c.json({ link: { ...link, url }, token, url, expiresAt: link.expiresAt }, 201)
    })
    .get('/:id/share', ...editorOnly, async (c) => {
      const id = c.req.param('id')
      if (!auth.canMint) return apiError(c, 409, NO_SECRET_FOR_LINKS)
      const at = now().toISOString()
      const links = await deps.review.read(id, (docs) =>
        listShareLinks(docs.private).filter(
          (link) => link.revokedAt === null && link.expiresAt > at,
        ),
      )
      if (links === null) return apiError(c, 404, `journey ${id} not found`)
      return c.json({ links: links.map((link) => withUrl(c, id, link)) })
    })
    .delete('/:id/share/:linkId', ...editorOnly, async (c) => {
      const id = c.req.param('id')
      const linkId = c.req.param('linkId')
      const revoked = await deps.review.change(id, (docs) => ({
        link: revokeShareLink(docs.private, SERVER_ORIGIN, linkId, now()),
      }))
      if (revoked === null) return apiError(c, 404, `journey ${id} not found`)
      if (revoked.link === null) return apiError(c, 404, `no share link ${linkId} on journey ${id}`)
      deps.logger.info({ journeyId: id, link: linkId }, 'share link revoked')
      return c.body(null, 204)
    })
}

/** Who made the link, when the request says (the share dialog does); else nobody named. */
function creator(
  c: Context,
  deps: HttpDeps,
  body: Record<string, unknown>,
): { ok: true; participant: Participant | null } | { ok: false; response: Response } {
  if (c.req.header(IDENTITY_HEADER) === undefined) return { ok: true, participant: null }
  const acting = actingParticipant(c, deps.identities, body, 'optional')
  return acting.ok ? { ok: true, participant: acting.participant } : acting
}

function linkUrl(c: Context, journeyId: string, token: string): string {
  const url = new URL(`/j/${journeyId}`, c.req.url)
  url.searchParams.set('token', token)
  return url.toString()
}
