import type { Participant } from '@touchline/model'
import type * as Y from 'yjs'
import { isRole, type Role } from '../auth/index.js'

/**
 * A share link as the journey's editors see it. The token itself is not kept: signing is
 * deterministic, so it is rebuilt from these claims when an editor lists the links.
 */
export type ShareLink = {
  id: string
  role: Role
  label: string
  createdAt: string
  expiresAt: string
  createdBy: Participant | null
  revokedAt: string | null
}

/**
 * The private document's map of share links by id. Each link is one plain value, replaced
 * whole when it is revoked, so that every reader (an instance's watcher included) sees a
 * link either as it was or revoked, never half written.
 */
function linksOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('links')
}

export function readShareLink(doc: Y.Doc, id: string): ShareLink | null {
  const value = linksOf(doc).get(id)
  return isShareLink(value) ? value : null
}

/** Whether a token minted for link `id` may still be used. */
export function isLinkActive(doc: Y.Doc, id: string): boolean {
  return readShareLink(doc, id)?.revokedAt === null
}

/** Every link, active and revoked, newest first. */
export function listShareLinks(doc: Y.Doc): ShareLink[] {
  const links: ShareLink[] = []
  for (const value of linksOf(doc).values()) if (isShareLink(value)) links.push(value)
  return links.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
}

export function addShareLink(doc: Y.Doc, origin: unknown, link: ShareLink): void {
  doc.transact(() => linksOf(doc).set(link.id, link), origin)
}

/** Marks the link revoked (once: a second revoke keeps the first time); null if unknown. */
export function revokeShareLink(
  doc: Y.Doc,
  origin: unknown,
  id: string,
  now: Date,
): ShareLink | null {
  const link = readShareLink(doc, id)
  if (link === null || link.revokedAt !== null) return link
  const revoked = { ...link, revokedAt: now.toISOString() }
  doc.transact(() => linksOf(doc).set(id, revoked), origin)
  return revoked
}

/** Calls `changed` with the ids of links added or replaced, for every change from anywhere. */
export function observeShareLinks(doc: Y.Doc, changed: (ids: string[]) => void): () => void {
  const links = linksOf(doc)
  const observer = (event: Y.YMapEvent<unknown>) => changed([...event.keysChanged])
  links.observe(observer)
  return () => links.unobserve(observer)
}

function isShareLink(value: unknown): value is ShareLink {
  if (typeof value !== 'object' || value === null) return false
  const link = value as Record<string, unknown>
  return (
    typeof link.id === 'string' &&
    isRole(link.role) &&
    typeof link.label === 'string' &&
    typeof link.createdAt === 'string' &&
    typeof link.expiresAt === 'string' &&
    (link.revokedAt === null || typeof link.revokedAt === 'string') &&
    (link.createdBy === null || typeof link.createdBy === 'object')
  )
}
