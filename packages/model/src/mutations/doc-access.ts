import type * as Y from 'yjs'
import { type CollectionName, collectionMap, entityMap } from '../doc/layout.js'
import { type EntityOf, readEntity } from '../doc/read-entities.js'
import { invalid } from './invalid-input-error.js'

/** The entity's Y.Map, or an InvalidInputError naming what is missing. */
export function requireEntity(
  doc: Y.Doc,
  name: CollectionName,
  id: string,
  path: string,
): Y.Map<unknown> {
  const map = entityMap(doc, name, id)
  if (!map) throw invalid(path, `no ${name.slice(0, -1)} with id "${id}"`)
  return map
}

/** The entity as a sanitized plain object, or undefined. */
export function currentEntity<K extends CollectionName>(
  doc: Y.Doc,
  name: K,
  id: string,
): EntityOf[K] | undefined {
  return readEntity(name, id, collectionMap(doc, name).get(id))
}

export function requireCapacity(doc: Y.Doc, name: CollectionName, limit: number, adding = 1) {
  if (collectionMap(doc, name).size + adding > limit) {
    throw invalid(name, `a journey holds at most ${limit} ${name}`)
  }
}
