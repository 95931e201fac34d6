import { randomBytes } from 'node:crypto'

/** The only ids that ever reach storage, a URL path or a log line. */
export const JOURNEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

export function isJourneyId(value: unknown): value is string {
  return typeof value === 'string' && JOURNEY_ID_PATTERN.test(value)
}

/**
 * 128 random bits, URL-safe: unguessable, so an id alone reveals nothing about others. Never
 * starts with a dash, which a shell command such as `touchline token --journey ID` would
 * read as an option.
 */
export function newJourneyId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url')
    if (!id.startsWith('-')) return id
  }
}
