import type { ReviewRole } from '@touchline/model'
import type { ShareLink, ShareLinkInput } from '../review/review-api.js'

/** What each role lets a link's holder do, in the words the dialog offers them with. */
export const ROLE_CHOICES: readonly { id: ReviewRole; label: string; hint: string }[] = [
  { id: 'viewer', label: 'Viewer', hint: 'Can look at the map and export it; cannot comment.' },
  { id: 'commenter', label: 'Commenter', hint: 'Can comment and vote; cannot change the map.' },
  {
    id: 'editor',
    label: 'Editor',
    hint: 'Can change the map, run votes and share it further.',
  },
]

/** Durations as the server reads them (`2h`, `7d`), for the length of a workshop or a review. */
export const EXPIRY_CHOICES = [
  { id: '2h', label: '2 hours' },
  { id: '1d', label: '1 day' },
  { id: '7d', label: '7 days' },
  { id: '30d', label: '30 days' },
] as const

export type Expiry = (typeof EXPIRY_CHOICES)[number]['id']

/** What the dialog asks the server for: a link whose lifetime is one of the choices. */
export type NewLink = ShareLinkInput & { ttl: Expiry }

const UNIT_MS = { h: 3600_000, d: 86_400_000 } as const

function expiryMs(expiry: Expiry): number {
  const unit = expiry.endsWith('h') ? UNIT_MS.h : UNIT_MS.d
  return Number.parseInt(expiry, 10) * unit
}

/**
 * Whether the server gave the link less time than asked: a link never outlives the access of
 * the editor who makes it, which the editor would otherwise only find out when it stops.
 */
export function expiresEarly(expiry: Expiry, link: Pick<ShareLink, 'createdAt' | 'expiresAt'>) {
  const granted = Date.parse(link.expiresAt) - Date.parse(link.createdAt)
  // A minute's slack for the server's clock and rounding to whole seconds.
  return granted < expiryMs(expiry) - 60_000
}

export function roleLabel(role: ReviewRole): string {
  return ROLE_CHOICES.find((choice) => choice.id === role)?.label ?? role
}

/** A label is what tells links apart in the list, so an empty one is named after its role. */
export function linkLabel(typed: string, role: ReviewRole): string {
  return typed.trim() || `${roleLabel(role)} link`
}
