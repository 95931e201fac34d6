import type * as Y from 'yjs'
import type { JourneyDigest } from './journey-store.js'

/**
 * Title and counts straight from the document's top-level maps: O(1), so it can run on
 * every group commit and keep journey lists current without loading documents.
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
