import { isLoopbackHost } from './loopback.js'
import { type TokenCarrier, tokenFromRequest } from './request-token.js'
import { type Role, roleAllows } from './roles.js'
import { signToken, type TokenClaims, type TokenScope, verifyToken } from './token.js'

/** Who the caller is allowed to be, once their token (if any) has been checked. */
export type Grant = {
  journey: TokenScope
  role: Role
  /** Seconds since the epoch; null when the server runs without auth. */
  expiresAt: number | null
  /** The share link the token was minted for; null for tokens that are not links. */
  linkId: string | null
}

export type AuthDecision =
  | { ok: true; grant: Grant }
  | { ok: false; status: 401 | 403; error: string }

/**
 * What a request is after: one journey, every journey (`*`: creating or importing),
 * or nothing journey-specific (`null`: listing, templates) where any valid token will do.
 */
export type AuthTarget = string | '*' | null

export type Auth = {
  /** False only on a loopback bind without a secret. */
  readonly required: boolean
  /** Whether tokens can be signed: a secret is configured. */
  readonly canMint: boolean
  /**
   * Checks the request's token: signature, expiry, scope, role, and for a share link's
   * token that the link has not been revoked (which may read the journey's private data).
   */
  authorize(request: TokenCarrier, target: AuthTarget, needed?: Role): Promise<AuthDecision>
  /**
   * Signs a token; throws when no secret is configured. `notAfter` (seconds since the
   * epoch) caps the expiry, so a token minted by a token holder never outlives its own.
   * `link` names the share link it is for, which makes it revocable.
   */
  mint(
    journey: TokenScope,
    role: Role,
    ttlSeconds: number,
    notAfter?: number | null,
    link?: string,
  ): { token: string; expiresAt: number }
  /** The token with exactly these claims, as `mint` made it; throws without a secret. */
  reissue(claims: TokenClaims): string
}

/** Whether a journey's share link is revoked, or unknown to the journey (it is gone). */
export type LinkRevocations = (journeyId: string, linkId: string) => Promise<boolean>

export type AuthOptions = {
  secret?: string | undefined
  host: string
  /** Seconds since the epoch; injectable so expiry can be tested without waiting. */
  now?: () => number
  /** Absent (tools that only mint), every share link's token is refused. */
  isLinkRevoked?: LinkRevocations
}

/** Short secrets can be brute-forced offline from any one token. */
export const MIN_SECRET_LENGTH = 16

/** Problems with the auth settings that must stop the server from starting. */
export function authConfigError(options: AuthOptions): string | null {
  const secret = options.secret
  if (secret !== undefined && secret !== '' && secret.length < MIN_SECRET_LENGTH) {
    return `TOUCHLINE_SECRET must be at least ${MIN_SECRET_LENGTH} characters long`
  }
  if (!secret && !isLoopbackHost(options.host)) {
    return `HOST=${options.host} is reachable from the network: set TOUCHLINE_SECRET (at least ${MIN_SECRET_LENGTH} characters) so every request needs a token`
  }
  return null
}

const OPEN_GRANT: Grant = { journey: '*', role: 'editor', expiresAt: null, linkId: null }

const REJECTIONS = {
  malformed: 'invalid token',
  signature: 'invalid token',
  expired: 'token expired',
} as const

const refuseLinks: LinkRevocations = async () => true

export function createAuth(options: AuthOptions): Auth {
  const problem = authConfigError(options)
  if (problem) throw new Error(problem)
  const secret = options.secret || null
  const now = options.now ?? (() => Math.floor(Date.now() / 1000))
  const isLinkRevoked = options.isLinkRevoked ?? refuseLinks
  const required = secret !== null

  async function authorize(
    request: TokenCarrier,
    target: AuthTarget,
    needed: Role = 'viewer',
  ): Promise<AuthDecision> {
    if (!secret) return { ok: true, grant: { ...OPEN_GRANT } }
    const token = tokenFromRequest(request)
    if (!token) return { ok: false, status: 401, error: 'missing token' }
    const check = verifyToken(secret, token, now())
    if (!check.ok) return { ok: false, status: 401, error: REJECTIONS[check.reason] }
    const { link, ...claims } = check.claims
    // Before scope and role: a revoked link is refused as such, whatever it is used for.
    if (link !== undefined && (await isLinkRevoked(claims.journey, link))) {
      return { ok: false, status: 401, error: 'link revoked' }
    }
    if (target === '*' && claims.journey !== '*') {
      return { ok: false, status: 403, error: 'this token is limited to one journey' }
    }
    if (target !== null && target !== '*' && claims.journey !== '*' && claims.journey !== target) {
      return { ok: false, status: 401, error: 'token is not valid for this journey' }
    }
    if (!roleAllows(claims.role, needed)) {
      return {
        ok: false,
        status: 403,
        error: `this needs the ${needed} role; the token grants ${claims.role}`,
      }
    }
    return { ok: true, grant: { ...claims, linkId: link ?? null } }
  }

  function signed(claims: TokenClaims): string {
    if (!secret) throw new Error('TOUCHLINE_SECRET is not set: tokens cannot be signed')
    return signToken(secret, claims)
  }

  function mint(
    journey: TokenScope,
    role: Role,
    ttlSeconds: number,
    notAfter?: number | null,
    link?: string,
  ) {
    const expiresAt = Math.min(now() + ttlSeconds, notAfter ?? Number.POSITIVE_INFINITY)
    const claims =
      link === undefined ? { journey, role, expiresAt } : { journey, role, expiresAt, link }
    return { token: signed(claims), expiresAt }
  }

  return { required, canMint: required, authorize, mint, reissue: signed }
}

/** Whether a grant reaches a given journey (used to filter listings). */
export function grantCovers(grant: Grant, journeyId: string): boolean {
  return grant.journey === '*' || grant.journey === journeyId
}
