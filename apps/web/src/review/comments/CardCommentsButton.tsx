import { CommentIcon } from '../../journey/chrome/icons'
import { useReview, useReviewStore } from '../ReviewContext'
import { useReviewUiStore } from '../ReviewUiContext'
import { selectTouchpointCount } from '../review-store'
import { openThreads } from '../review-ui-store'

/** The inspector's way to a card's threads, with their count, beside duplicate and delete. */
export function CardCommentsButton({ touchpointId }: { touchpointId: string }) {
  const ui = useReviewUiStore()
  const { role } = useReview()
  const count = useReviewStore(selectTouchpointCount(touchpointId))
  if (count.open === 0 && role === 'viewer') return null
  return (
    <button
      type="button"
      className="tl-icon-button inspector-comments"
      title={count.open > 0 ? `${count.open} open threads (C)` : 'Comment (C)'}
      aria-label={count.open > 0 ? `${count.open} open threads` : 'Comment on this touchpoint'}
      data-testid="inspector-comments"
      data-opens-thread=""
      onClick={() =>
        openThreads(ui, {
          anchor: { type: 'touchpoint', id: touchpointId },
          threadId: null,
          compose: count.open === 0,
        })
      }
    >
      <CommentIcon size={16} />
      {count.open > 0 ? <span className="inspector-comments-count">{count.open}</span> : null}
    </button>
  )
}
