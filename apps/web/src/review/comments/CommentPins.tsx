import { type ReactFlowState, useStore as useFlowStore } from '@xyflow/react'
import { type CSSProperties, useMemo } from 'react'
import { ViewportLayer } from '../../journey/canvas/canvas-layers'
import { avatarInitials } from '../../journey/presence/PresenceAvatars'
import { useReview, useReviewStore } from '../ReviewContext'
import { useReviewUi, useReviewUiStore } from '../ReviewUiContext'
import type { Thread } from '../review-store'
import { openThreads } from '../review-ui-store'

const selectZoom = (state: ReactFlowState) => state.transform[2]

/**
 * Pins for comments left on a spot of the canvas, at a constant screen size whatever the zoom,
 * plus the pin of a comment being written there. Resolved ones only when asked for.
 */
export function CommentPins() {
  const zoom = useFlowStore(selectZoom)
  const ui = useReviewUiStore()
  const { me } = useReview()
  const threads = useReviewStore((state) => state.threads)
  const showResolved = useReviewUi((state) => state.showResolved)
  const unread = useReviewUi((state) => state.unread.threads)
  const target = useReviewUi((state) => state.target)
  const pins = useMemo(
    () =>
      threads.filter(
        (thread): thread is Thread =>
          thread.comment.anchor.type === 'canvas' && (showResolved || !thread.comment.resolved),
      ),
    [threads, showResolved],
  )
  const draft =
    target?.anchor.type === 'canvas' &&
    !threads.some(
      (thread) =>
        thread.comment.anchor.type === 'canvas' &&
        target.anchor.type === 'canvas' &&
        thread.comment.anchor.x === target.anchor.x &&
        thread.comment.anchor.y === target.anchor.y,
    )
      ? target.anchor
      : null

  return (
    <ViewportLayer>
      <div className="comment-pin-layer">
        {pins.map((thread) => {
          const { anchor, author, resolved, id } = thread.comment
          if (anchor.type !== 'canvas') return null
          const classes = ['comment-pin', 'nodrag', 'nopan']
          if (resolved) classes.push('is-resolved')
          if (unread.has(id)) classes.push('is-unread')
          if (
            target?.threadId === id ||
            (target?.anchor.type === 'canvas' &&
              target.anchor.x === anchor.x &&
              target.anchor.y === anchor.y)
          )
            classes.push('is-open')
          const count = 1 + thread.replies.length
          return (
            <button
              key={id}
              type="button"
              className={classes.join(' ')}
              data-testid="comment-pin"
              data-id={id}
              data-opens-thread=""
              aria-label={`Comment by ${author.name}${count > 1 ? `, ${count - 1} replies` : ''}${resolved ? ', resolved' : ''}`}
              style={
                {
                  transform: `translate(${anchor.x}px, ${anchor.y}px) scale(${1 / zoom})`,
                  '--pin-color': resolved ? 'var(--text-faint)' : author.color,
                } as CSSProperties
              }
              onClick={() => openThreads(ui, { anchor, threadId: id, compose: false })}
            >
              <span className="comment-pin-head">{avatarInitials(author.name)}</span>
              {count > 1 ? <span className="comment-pin-count">{count}</span> : null}
            </button>
          )
        })}
        {draft ? (
          <div
            className="comment-pin is-draft"
            aria-hidden="true"
            style={
              {
                transform: `translate(${draft.x}px, ${draft.y}px) scale(${1 / zoom})`,
                '--pin-color': me.color || 'var(--accent)',
              } as CSSProperties
            }
          >
            <span className="comment-pin-head">+</span>
          </div>
        ) : null}
      </div>
    </ViewportLayer>
  )
}
