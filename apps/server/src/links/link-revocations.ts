import type { LinkRevocations } from '../auth/index.js'
import type { JourneyReview } from '../review/journey-review.js'
import { isLinkActive } from './share-link.js'

/**
 * What `authorize` asks about a share link's token, answered from the journey's private
 * document as this instance holds it live (which stays loaded a while after, so a burst of
 * requests reads it once). A link the document does not know, as when the journey is gone,
 * counts as revoked.
 */
export function linkRevocations(review: JourneyReview): LinkRevocations {
  return async (journeyId, linkId) => {
    const held = await review.holdPrivate(journeyId)
    if (held === null) return true
    try {
      return !isLinkActive(held.room.doc, linkId)
    } finally {
      held.release()
    }
  }
}
