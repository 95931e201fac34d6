import type { CommentAnchor } from '@touchline/model'
import { useMemo } from 'react'
import { useEditor } from '../../journey/store/editor-context'
import { useReview } from '../ReviewContext'
import { useReviewUiStore } from '../ReviewUiContext'
import { openThreads, setCommentMode } from '../review-ui-store'

export const VIEWER_NOTICE =
  'You can read the comments here; writing them needs a commenter or editor link.'

export interface CommentTool {
  /** With the comment tool on, opens a new comment on `anchor`; says whether it did. */
  commentOn(anchor: CommentAnchor): boolean
  /** The `C` key: a comment on the selected card or stage, else the comment tool. */
  start(): void
  toggle(): void
}

/**
 * Starting comments: from the comment tool (a click on a card, a stage header or the map) or
 * from the `C` key. Reads the stores when called, so the cards and headers using it do not
 * re-render when the tool is switched.
 */
export function useCommentTool(): CommentTool {
  const ui = useReviewUiStore()
  const { store } = useEditor()
  const { role } = useReview()
  return useMemo(() => {
    const refuse = () => store.setState({ notice: VIEWER_NOTICE })
    return {
      commentOn(anchor) {
        if (!ui.getState().commentMode) return false
        openThreads(ui, { anchor, threadId: null, compose: true })
        return true
      },
      start() {
        if (role === 'viewer') return refuse()
        const { selection } = store.getState()
        const card = selection.touchpoints[0]
        if (card)
          openThreads(ui, {
            anchor: { type: 'touchpoint', id: card },
            threadId: null,
            compose: true,
          })
        else if (selection.stageId) {
          openThreads(ui, {
            anchor: { type: 'stage', id: selection.stageId },
            threadId: null,
            compose: true,
          })
        } else setCommentMode(ui, !ui.getState().commentMode)
      },
      toggle() {
        if (role === 'viewer') return refuse()
        setCommentMode(ui, !ui.getState().commentMode)
      },
    }
  }, [ui, store, role])
}
