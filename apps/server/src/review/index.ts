export { type HeldReview, JourneyReview, type ReviewDocs, SERVER_ORIGIN } from './journey-review.js'
