import { createHmac, timingSafeEqual } from 'node:crypto'
import { isRole, type Role } from './roles.js'

/** The journey a token opens, or `*` for every journey. */
export type TokenScope = string

export type TokenClaims = {
  /** Journey id, or `*`. */
  journey: TokenScope
  role: Role
  /** Expiry, seconds since the epoch. */
  expiresAt: number
  /**
   * The share link the token was minted for, which can be revoked; absent from tokens the
   * CLI mints (and from every token made before links existed), which cannot.
   */
  link?: string
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' }

/** Versioned so the format can change without old tokens being misread. */
const PREFIX = 'tl1'

const JOURNEY_SCOPE = /^(\*|[A-Za-z0-9_-]{1,64})$/
const LINK_ID = /^[A-Za-z0-9_-]{1,64}$/

function sign(secret: string, data: string): Buffer {
  return createHmac('sha256', secret).update(data).digest()
}

export function signToken(secret: string, claims: TokenClaims): string {
  if (!JOURNEY_SCOPE.test(claims.journey))
    throw new Error(`invalid journey scope "${claims.journey}"`)
  if (claims.link !== undefined && (!LINK_ID.test(claims.link) || claims.journey === '*')) {
    throw new Error(`invalid link id "${claims.link}" for scope "${claims.journey}"`)
  }
  // Signing is deterministic: the same claims always give the same token, so a share
  // link's token can be shown again from what is stored about the link.
  const payload = Buffer.from(
    JSON.stringify({
      j: claims.journey,
      r: claims.role,
      e: claims.expiresAt,
      ...(claims.link === undefined ? {} : { l: claims.link }),
    }),
  ).toString('base64url')
  const data = `${PREFIX}.${payload}`
  return `${data}.${sign(secret, data).toString('base64url')}`
}

/**
 * Checks the signature before looking at the payload, so a forged token learns
 * nothing about how its payload would have been read.
 */
export function verifyToken(secret: string, token: string, nowSeconds: number): TokenCheck {
  const parts = token.split('.')
  if (parts.length !== 3 || parts[0] !== PREFIX) return { ok: false, reason: 'malformed' }
  const [prefix, payload, signature] = parts as [string, string, string]
  const expected = sign(secret, `${prefix}.${payload}`)
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'signature' }
  }
  const claims = parseClaims(payload)
  if (!claims) return { ok: false, reason: 'malformed' }
  if (claims.expiresAt <= nowSeconds) return { ok: false, reason: 'expired' }
  return { ok: true, claims }
}

function parseClaims(payload: string): TokenClaims | null {
  let raw: unknown
  try {
    raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  if (typeof raw !== 'object' || raw === null) return null
  const { j, r, e, l } = raw as Record<string, unknown>
  if (typeof j !== 'string' || !JOURNEY_SCOPE.test(j)) return null
  if (!isRole(r)) return null
  if (typeof e !== 'number' || !Number.isInteger(e)) return null
  if (l === undefined) return { journey: j, role: r, expiresAt: e }
  // A link belongs to one journey: a `*` token can never be revoked through one.
  if (typeof l !== 'string' || !LINK_ID.test(l) || j === '*') return null
  return { journey: j, role: r, expiresAt: e, link: l }
}
