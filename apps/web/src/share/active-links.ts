import type { ShareLink } from '../review/review-api.js'

/**
 * The links that still open the journey, newest first: the server may list revoked and expired
 * ones too, which only clutter a list whose purpose is deciding what to revoke.
 */
export function activeLinks(links: readonly ShareLink[], now: number = Date.now()): ShareLink[] {
  return links
    .filter((link) => link.revokedAt === null && Date.parse(link.expiresAt) > now)
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
}
