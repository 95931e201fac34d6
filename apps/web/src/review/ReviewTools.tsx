import type { MouseEvent } from 'react'
import { CommentIcon, DotVoteIcon } from '../journey/chrome/icons'
import { useCommentTool } from './comments/use-comment-tool'
import { useReview, useReviewStore } from './ReviewContext'
import { useReviewUi, useReviewUiStore } from './ReviewUiContext'
import { type ReviewStoreState, selectOpenSession } from './review-store'

const voting = (state: ReviewStoreState) => selectOpenSession(state) !== null

/** Like the other toolbar buttons: a click does not leave focus on the button (see the top bar). */
const keepFocusOnCanvas = {
  onMouseDown: (event: MouseEvent<HTMLButtonElement>) => event.preventDefault(),
}

/** The top bar's review tools: the comment tool for commenters, a dot vote for editors. */
export function ReviewTools() {
  const { role } = useReview()
  const ui = useReviewUiStore()
  const tool = useCommentTool()
  const commenting = useReviewUi((state) => state.commentMode)
  const votingNow = useReviewStore(voting)
  if (role === 'viewer') return null
  return (
    <div className="tool-group">
      <button
        type="button"
        className={commenting ? 'tl-button tl-button--small is-on' : 'tl-button tl-button--small'}
        aria-pressed={commenting}
        data-testid="comment-tool"
        title="Comment: click a card, a stage header or anywhere on the map (C)"
        {...keepFocusOnCanvas}
        onClick={() => tool.toggle()}
      >
        <CommentIcon size={16} />
        Comment
      </button>
      {role === 'editor' ? (
        <button
          type="button"
          className="tl-button tl-button--small"
          data-testid="start-vote-button"
          disabled={votingNow}
          title={votingNow ? 'A vote is under way' : 'Start a dot vote'}
          {...keepFocusOnCanvas}
          onClick={() => ui.setState({ startingVote: true })}
        >
          <DotVoteIcon size={16} />
          Vote
        </button>
      ) : null}
    </div>
  )
}
