import * as Y from 'yjs'
import type { Journey } from '../entities/journey.js'
import { entityToYMap } from './entity-map.js'
import { COLLECTIONS, collectionMap, metaMap } from './layout.js'

/** Writes a whole journey into `doc` (normally an empty one) in one transaction. */
export function writeJourney(doc: Y.Doc, journey: Journey, origin: unknown = null): void {
  const { personas, stages, touchpoints, connections, ...meta } = journey
  const collections = { personas, stages, touchpoints, connections }
  doc.transact(() => {
    const metaY = metaMap(doc)
    for (const [key, value] of Object.entries(meta)) metaY.set(key, value)
    for (const name of COLLECTIONS) {
      const map = collectionMap(doc, name)
      for (const entity of collections[name]) map.set(entity.id, entityToYMap(entity))
    }
  }, origin)
}

/** A new Y.Doc holding `journey`, which must already be valid (see `importJourney`). */
export function journeyToDoc(journey: Journey): Y.Doc {
  const doc = new Y.Doc()
  writeJourney(doc, journey)
  return doc
}
