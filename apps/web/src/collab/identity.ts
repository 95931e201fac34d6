/** What a person chooses to show collaborators: a display name and a colour. */
export interface Profile {
  name: string
  color: string
}

/**
 * Who this browser is: the chosen profile, kept in localStorage so the same person shows up the
 * same way in every journey and after reloads, plus the id and token the server issued for it.
 * A name alone is not an identity: comments and votes carry the id, which only the server can
 * vouch for (the token is signed). Both are null until the server has been reached once.
 */
export interface Identity extends Profile {
  id: string | null
  token: string | null
}

export interface RegisteredIdentity extends Profile {
  id: string
  token: string
}

const STORAGE_KEY = 'touchline:identity'

/**
 * Presence colours. They are data (one per person), not theme, so they live here rather than
 * in the design tokens; each is dark enough for white text on a cursor label.
 */
export const IDENTITY_COLORS = [
  '#4f46e5',
  '#0891b2',
  '#059669',
  '#d97706',
  '#dc2626',
  '#db2777',
  '#7c3aed',
  '#475569',
] as const

export const MAX_NAME_LENGTH = 40

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    // Some privacy modes throw on access; the app still works, it just asks again next time.
    return null
  }
}

export function isProfile(value: unknown): value is Profile {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Record<string, unknown>
  return (
    typeof candidate.name === 'string' &&
    candidate.name.trim().length > 0 &&
    candidate.name.length <= MAX_NAME_LENGTH &&
    typeof candidate.color === 'string' &&
    /^#[0-9a-f]{6}$/i.test(candidate.color)
  )
}

export function isRegistered(identity: Identity | null): identity is RegisteredIdentity {
  return identity !== null && identity.id !== null && identity.token !== null
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null
}

/** Reads the stored identity; one saved before the server issued ids still has its profile. */
export function loadIdentity(store: Storage | null = storage()): Identity | null {
  const raw = store?.getItem(STORAGE_KEY)
  if (!raw) return null
  try {
    const parsed: unknown = JSON.parse(raw)
    if (!isProfile(parsed)) return null
    const { id, token } = parsed as Partial<Record<'id' | 'token', unknown>>
    const issued = text(id) !== null && text(token) !== null
    return {
      name: parsed.name,
      color: parsed.color,
      id: issued ? text(id) : null,
      token: issued ? text(token) : null,
    }
  } catch {
    return null
  }
}

export function saveIdentity(identity: Identity, store: Storage | null = storage()): Identity {
  const clean: Identity = {
    id: identity.id,
    name: identity.name.trim().slice(0, MAX_NAME_LENGTH),
    color: identity.color,
    token: identity.token,
  }
  if (!isProfile(clean)) throw new Error('A name and a colour are required')
  store?.setItem(STORAGE_KEY, JSON.stringify(clean))
  return clean
}

/** A colour for a first visit, so two people opening the app at once rarely look alike. */
export function suggestColor(random: () => number = Math.random): string {
  const index = Math.floor(random() * IDENTITY_COLORS.length) % IDENTITY_COLORS.length
  return IDENTITY_COLORS[index] ?? IDENTITY_COLORS[0]
}

/** Initials for an avatar: "Ada Lovelace" -> "AL", "ada" -> "A". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const first = parts[0]?.[0] ?? '?'
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : ''
  return (first + last).toUpperCase()
}
