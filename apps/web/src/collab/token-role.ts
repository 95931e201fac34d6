import type { ReviewRole } from '@touchline/model'

const ROLES: readonly ReviewRole[] = ['viewer', 'commenter', 'editor']

function decodeBase64Url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/')
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='))
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)))
}

/**
 * The role a page runs with, read from its access token (`tl1.<payload>.<signature>`, the
 * payload's `r` claim) so the app offers only what the server will accept. The browser cannot
 * check the signature and does not need to: the server checks every socket and request, so a
 * doctored token only shows buttons whose requests are refused. Without a token the server
 * lets everyone edit (it requires tokens whenever it has a secret), so the page is an editor.
 */
export function roleFromToken(token: string | null): ReviewRole {
  if (!token) return 'editor'
  const payload = token.split('.')[1]
  if (!payload) return 'viewer'
  try {
    const claims: unknown = JSON.parse(decodeBase64Url(payload))
    const role = typeof claims === 'object' && claims !== null ? Reflect.get(claims, 'r') : null
    return ROLES.find((known) => known === role) ?? 'viewer'
  } catch {
    return 'viewer'
  }
}

export function canComment(role: ReviewRole): boolean {
  return role !== 'viewer'
}

export function canEdit(role: ReviewRole): boolean {
  return role === 'editor'
}
