import { type Item, type ItemList, voteItemKey } from '@touchline/model'
import { useMemo } from 'react'
import { CommentIcon } from '../journey/chrome/icons'
import { useReview, useReviewStore } from './ReviewContext'
import { useReviewUi, useReviewUiStore } from './ReviewUiContext'
import { selectOpenSession, selectThreads } from './review-store'
import { openThreads } from './review-ui-store'
import { DotBallot } from './votes/DotBallot'
import { PriorityChip } from './votes/PriorityNote'
import { sessionIndex } from './votes/vote-selectors'

/**
 * The review side of one pain point or opportunity in the inspector: its priority, its dots
 * while a vote asks about it, and its comments.
 */
export function ItemReview({
  touchpointId,
  list,
  item,
}: {
  touchpointId: string
  list: ItemList
  item: Item
}) {
  const ui = useReviewUiStore()
  const { role } = useReview()
  const ref = useMemo(
    () => ({ touchpointId, itemId: item.id, list }),
    [touchpointId, item.id, list],
  )
  const anchor = useMemo(
    () => ({ type: 'item' as const, touchpointId, itemId: item.id, list }),
    [touchpointId, item.id, list],
  )
  const key = voteItemKey(ref)
  const voting = useReviewStore((state) => {
    const session = selectOpenSession(state)
    return session !== null && sessionIndex(session).keys.has(key)
  })
  const threads = useReviewStore(selectThreads(anchor))
  const showResolved = useReviewUi((state) => state.showResolved)
  const count = threads.filter((thread) => showResolved || !thread.comment.resolved).length
  return (
    <>
      {voting ? <DotBallot item={ref} label={item.text} /> : null}
      {!voting && item.priority ? <PriorityChip priority={item.priority} /> : null}
      {count > 0 || role !== 'viewer' ? (
        <button
          type="button"
          className={count > 0 ? 'item-comments has-count' : 'item-comments'}
          data-testid="item-comments"
          data-count={count}
          data-opens-thread=""
          aria-label={
            count > 0 ? `${count} comments on “${item.text}”` : `Comment on “${item.text}”`
          }
          title={count > 0 ? `${count} comments` : 'Comment on this item'}
          onClick={() => openThreads(ui, { anchor, threadId: null, compose: count === 0 })}
        >
          <CommentIcon size={13} />
          {count > 0 ? count : null}
        </button>
      ) : null}
    </>
  )
}
