import type { CommentAnchor } from '@touchline/model'
import { memo } from 'react'
import { CommentIcon } from '../../journey/chrome/icons'
import { useReview, useReviewStore } from '../ReviewContext'
import { useReviewUi, useReviewUiStore } from '../ReviewUiContext'
import { type CommentCount, selectStageCount, selectTouchpointCount } from '../review-store'
import { openThreads } from '../review-ui-store'

interface ViewProps {
  anchor: CommentAnchor
  count: CommentCount
  unread: boolean
  /** Offer "add a comment" where there are none yet (a selected card, a hovered header). */
  offerNew: boolean
  className: string
  label: string
}

function BadgeView({ anchor, count, unread, offerNew, className, label }: ViewProps) {
  const ui = useReviewUiStore()
  const { role } = useReview()
  const showResolved = useReviewUi((state) => state.showResolved)
  const shown = count.open + (showResolved ? count.resolved : 0)
  if (shown === 0 && (!offerNew || role === 'viewer')) return null
  const classes = [className, 'comment-badge', 'nodrag', 'nopan']
  if (shown === 0) classes.push('is-new-comment')
  else if (count.open === 0) classes.push('is-resolved')
  if (unread) classes.push('is-unread')
  const description =
    shown === 0
      ? `Comment on ${label}`
      : `${count.open} open ${count.open === 1 ? 'thread' : 'threads'}${
          count.resolved > 0 ? `, ${count.resolved} resolved` : ''
        } on ${label}${unread ? ', with new comments' : ''}`
  return (
    <button
      type="button"
      className={classes.join(' ')}
      data-testid="comment-badge"
      data-count={shown}
      data-unread={unread}
      data-opens-thread=""
      aria-label={description}
      title={description}
      onPointerDown={(event) => event.stopPropagation()}
      // The click goes on to the card, which it selects: its inspector shows beside the threads.
      onClick={() => openThreads(ui, { anchor, threadId: null, compose: shown === 0 })}
    >
      <CommentIcon size={13} />
      {shown > 0 ? <span>{shown}</span> : <span className="comment-badge-plus">+</span>}
    </button>
  )
}

/**
 * A card's threads (its own and its items'), as a count that opens them. Each card selects
 * its own count by id, so a comment elsewhere does not re-render it.
 */
export const CardCommentBadge = memo(function CardCommentBadge({
  touchpointId,
  title,
  selected,
}: {
  touchpointId: string
  title: string
  selected: boolean
}) {
  const count = useReviewStore(selectTouchpointCount(touchpointId))
  const unread = useReviewUi((state) => state.unread.touchpoints.has(touchpointId))
  return (
    <BadgeView
      anchor={{ type: 'touchpoint', id: touchpointId }}
      count={count}
      unread={unread}
      offerNew={selected}
      className="card-comments"
      label={title}
    />
  )
})

/** A stage's own threads on its header. */
export const StageCommentBadge = memo(function StageCommentBadge({
  stageId,
  name,
  selected,
}: {
  stageId: string
  name: string
  selected: boolean
}) {
  const count = useReviewStore(selectStageCount(stageId))
  const unread = useReviewUi((state) => state.unread.stages.has(stageId))
  return (
    <BadgeView
      anchor={{ type: 'stage', id: stageId }}
      count={count}
      unread={unread}
      offerNew={selected}
      className="stage-comments"
      label={`the ${name} stage`}
    />
  )
})
