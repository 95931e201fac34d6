import type * as Y from 'yjs'
import type { JourneyDigest } from './journey-store.js'

/**
 * Title and counts straight from the document's top-level maps, stored with every group
 * commit so journey lists stay current without loading documents. A map counts its size
 * entry by entry: a room keeps its digest in a `LiveDigest` rather than calling this per commit.
 */
export function digestJourneyDoc(doc: Y.Doc): JourneyDigest {
  const title = doc.getMap('meta').get('title')
  return {
    title: typeof title === 'string' ? title : '',
    counts: {
      personas: doc.getMap('personas').size,
      stages: doc.getMap('stages').size,
      touchpoints: doc.getMap('touchpoints').size,
      connections: doc.getMap('connections').size,
    },
  }
}
