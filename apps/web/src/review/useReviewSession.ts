import { useEffect, useState } from 'react'
import type { JourneySession } from '../collab/session.js'
import { openReviewSession, type ReviewSession } from './review-session.js'

/**
 * The review of the open journey, opened and closed with its journey session (an effect, so
 * React's development double mount opens and closes it cleanly).
 */
export function useReviewSession(journey: JourneySession): ReviewSession | null {
  const [review, setReview] = useState<ReviewSession | null>(null)
  useEffect(() => {
    const opened = openReviewSession(journey)
    setReview(opened)
    return () => {
      setReview(null)
      opened.destroy()
    }
  }, [journey])
  return review
}
