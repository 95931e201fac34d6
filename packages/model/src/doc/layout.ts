import * as Y from 'yjs'

/** The top-level maps of a journey's Y.Doc, one per entity collection (id -> Y.Map). */
export const COLLECTIONS = ['personas', 'stages', 'touchpoints', 'connections'] as const

export type CollectionName = (typeof COLLECTIONS)[number]

/**
 * Maps of layout version 1 that nobody reads or writes any more: comments and votes moved
 * to the review doc. They stay in old docs so `seedReviewFromLegacy` can copy them once.
 */
export const LEGACY_COLLECTIONS = ['comments', 'votes'] as const

export type LegacyCollectionName = (typeof LEGACY_COLLECTIONS)[number]

/** Touchpoint fields held as nested Y.Maps so concurrent edits of different keys merge. */
export const NESTED_MAP_FIELDS: ReadonlySet<string> = new Set(['emotions'])

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('meta')
}

export function collectionMap(
  doc: Y.Doc,
  name: CollectionName | LegacyCollectionName,
): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(name)
}

/** The entry's Y.Map, or undefined when there is none (or it is not a map). */
export function mapEntry(map: Y.Map<Y.Map<unknown>>, id: string): Y.Map<unknown> | undefined {
  const value: unknown = map.get(id)
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : undefined
}

/** The entity's Y.Map, or undefined when it does not exist (or is not a map). */
export function entityMap(
  doc: Y.Doc,
  name: CollectionName,
  id: string,
): Y.Map<unknown> | undefined {
  return mapEntry(collectionMap(doc, name), id)
}
