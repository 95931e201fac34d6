import type { CommentAnchor } from '@touchline/model'
import { type ReactFlowState, useStore as useFlowStore } from '@xyflow/react'
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { CloseIcon } from '../../journey/chrome/icons'
import { useJourneyState } from '../../journey/store/editor-context'
import { useReview, useReviewStore } from '../ReviewContext'
import { useReviewUi, useReviewUiStore } from '../ReviewUiContext'
import type { Thread } from '../review-store'
import { closeThreads, rememberSeen, type ThreadTarget } from '../review-ui-store'
import { anchorPlace, indexMap } from './anchor-place'
import { anchorRect, parseRectKey, rectKey } from './anchor-rect'
import { CommentComposer } from './CommentComposer'
import { CommentThread } from './CommentThread'
import { popoverPosition } from './popover-position'
import { type SeenMarks, unreadComments } from './unread'

const WIDTH = 340

const PROMPTS: Record<CommentAnchor['type'], string> = {
  touchpoint: 'Comment on this touchpoint…',
  item: 'Comment on this item…',
  stage: 'Comment on this stage…',
  canvas: 'Leave a comment here…',
}

function sameSpot(a: CommentAnchor, b: CommentAnchor): boolean {
  if (a.type === 'canvas' || b.type === 'canvas') {
    return a.type === 'canvas' && b.type === 'canvas' && a.x === b.x && a.y === b.y
  }
  if (a.type === 'item' || b.type === 'item') {
    return (
      a.type === 'item' &&
      b.type === 'item' &&
      a.touchpointId === b.touchpointId &&
      a.itemId === b.itemId
    )
  }
  return a.type === b.type && a.id === b.id
}

/** A card's threads include those on its pain points and opportunities. */
function onTarget(thread: Thread, anchor: CommentAnchor): boolean {
  const at = thread.comment.anchor
  if (anchor.type === 'touchpoint' && at.type === 'item') return at.touchpointId === anchor.id
  return sameSpot(at, anchor)
}

/**
 * The threads of one card, item, stage or canvas spot, beside it on the map and following it
 * as the map moves, with a field to start a new one. Opening it marks its threads as seen;
 * what was new when it opened stays marked "New" while it is open.
 */
export function ThreadPopover() {
  const target = useReviewUi((state) => state.target)
  if (!target) return null
  return <OpenPopover key={JSON.stringify(target.anchor)} target={target} />
}

function OpenPopover({ target }: { target: ThreadTarget }) {
  const ui = useReviewUiStore()
  const { me, role, actions } = useReview()
  const showResolved = useReviewUi((state) => state.showResolved)
  const allThreads = useReviewStore((state) => state.threads)
  const journey = useJourneyState((state) => state.journey)
  const { anchor } = target
  const [marksAtOpen] = useState<SeenMarks>(() => ui.getState().marks)
  const [showingResolved, setShowingResolved] = useState(false)

  const here = useMemo(
    () => allThreads.filter((thread) => onTarget(thread, anchor)),
    [allThreads, anchor],
  )
  const visible = useMemo(
    () =>
      here.filter(
        (thread) =>
          !thread.comment.resolved ||
          showResolved ||
          showingResolved ||
          thread.comment.id === target.threadId,
      ),
    [here, showResolved, showingResolved, target.threadId],
  )
  const hiddenResolved = here.length - visible.length
  const index = useMemo(() => indexMap(journey), [journey])
  const place = anchorPlace(anchor, index)

  // What is shown has been seen, including what arrives while it is open.
  useEffect(() => {
    if (visible.length > 0) rememberSeen(ui, visible)
  }, [ui, visible])

  const rect = parseRectKey(
    useFlowStore((state: ReactFlowState) => rectKey(anchorRect(state, anchor))),
  )
  const canvasSize = useFlowStore((state: ReactFlowState) => `${state.width},${state.height}`)
  const root = useRef<HTMLDivElement>(null)
  const [height, setHeight] = useState(0)
  useLayoutEffect(() => {
    const element = root.current
    if (!element) return
    const observer = new ResizeObserver(() => setHeight(element.offsetHeight))
    observer.observe(element)
    setHeight(element.offsetHeight)
    return () => observer.disconnect()
  }, [])

  // The first thread asked for comes into view once, not on every new reply.
  const focusedId = target.threadId
  useEffect(() => {
    if (!focusedId) return
    root.current
      ?.querySelector(`[data-testid="comment-thread"][data-id="${CSS.escape(focusedId)}"]`)
      ?.scrollIntoView({ block: 'nearest' })
  }, [focusedId])

  // A press elsewhere closes it, as a menu would; Escape is the editor's (see JourneyPage).
  useEffect(() => {
    const close = (event: PointerEvent) => {
      const element = root.current
      if (element && event.target instanceof Node && !element.contains(event.target)) {
        // A press on another thread's badge or pin opens that one instead.
        if (event.target instanceof Element && event.target.closest('[data-opens-thread]')) return
        closeThreads(ui)
      }
    }
    window.addEventListener('pointerdown', close, true)
    return () => window.removeEventListener('pointerdown', close, true)
  }, [ui])

  const gone = rect === null || (place.gone && anchor.type !== 'canvas')
  if (gone && here.length === 0) return null
  const [canvasWidth = 0, canvasHeight = 0] = canvasSize.split(',').map(Number)
  const canvas = document.querySelector<HTMLElement>('.journey-canvas')
  const offset = { left: canvas?.offsetLeft ?? 0, top: canvas?.offsetTop ?? 0 }
  const position = popoverPosition(
    rect ?? { left: canvasWidth / 2, top: 80, width: 0, height: 0 },
    { width: WIDTH, height },
    { width: canvasWidth, height: canvasHeight },
  )
  const canComment = role !== 'viewer'
  const newIds = new Set(
    visible.flatMap((thread) => [...unreadComments(thread, me.id, marksAtOpen)]),
  )
  const compose = target.compose || here.length === 0

  return (
    <div
      ref={root}
      className="thread-popover"
      role="dialog"
      aria-label={`Comments: ${place.label}`}
      data-testid="thread-popover"
      style={{
        left: position.left + offset.left,
        top: position.top + offset.top,
        width: WIDTH,
        maxHeight: Math.max(200, canvasHeight - 24),
      }}
    >
      <header className="thread-popover-head">
        <div className="thread-popover-title">
          <span className="thread-popover-kind">{place.kind}</span>
          <strong>{anchor.type === 'canvas' ? 'Comment on the map' : place.label}</strong>
          {place.within ? <span className="thread-popover-within">on {place.within}</span> : null}
        </div>
        <button
          type="button"
          className="tl-icon-button"
          aria-label="Close comments"
          onClick={() => closeThreads(ui)}
        >
          <CloseIcon size={15} />
        </button>
      </header>
      <div className="thread-popover-threads">
        {visible.map((thread) => (
          <div key={thread.comment.id} className="thread-popover-entry">
            {anchor.type === 'touchpoint' && thread.comment.anchor.type === 'item' ? (
              <span className="thread-item-chip">
                {anchorPlace(thread.comment.anchor, index).kind}:{' '}
                {anchorPlace(thread.comment.anchor, index).label}
              </span>
            ) : null}
            <CommentThread
              thread={thread}
              newIds={newIds}
              focused={thread.comment.id === target.threadId && visible.length > 1}
            />
          </div>
        ))}
        {visible.length === 0 && !canComment ? (
          <p className="thread-popover-empty">No comments here yet.</p>
        ) : null}
        {hiddenResolved > 0 ? (
          <button
            type="button"
            className="link-button thread-show-resolved"
            onClick={() => setShowingResolved(true)}
          >
            Show {hiddenResolved} resolved {hiddenResolved === 1 ? 'thread' : 'threads'}
          </button>
        ) : null}
      </div>
      {canComment ? (
        <footer className="thread-popover-new">
          <CommentComposer
            placeholder={visible.length > 0 ? 'Start a new thread…' : PROMPTS[anchor.type]}
            submitLabel="Comment"
            autoFocus={compose}
            testId="new-comment"
            onSubmit={async (body, mentions) => {
              await actions.addComment({ anchor, body, mentions })
            }}
            onCancel={() => {
              if (here.length === 0) closeThreads(ui)
            }}
          />
        </footer>
      ) : null}
    </div>
  )
}
