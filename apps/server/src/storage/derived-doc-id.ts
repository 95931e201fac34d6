/**
 * The documents kept beside a journey, stored under the journey's id and a suffix: the
 * review (comments and vote sessions, which only the server writes) and the private one
 * (hidden ballots and share links, which never leave the server). A journey id cannot
 * contain a `.`, so these ids never collide with a journey's or match a route.
 */
export const DERIVED_DOCS = ['review', 'private'] as const

export type DerivedDoc = (typeof DERIVED_DOCS)[number]

export function derivedDocId(journeyId: string, kind: DerivedDoc): string {
  return `${journeyId}.${kind}`
}

export function derivedDocIds(journeyId: string): string[] {
  return DERIVED_DOCS.map((kind) => derivedDocId(journeyId, kind))
}

/** Whether a stored id is one of a journey's derived documents rather than a journey. */
export function isDerivedDocId(id: string): boolean {
  return id.includes('.')
}
