import { useReactFlow } from '@xyflow/react'
import { useDeferredValue, useMemo } from 'react'
import { absoluteTime, relativeTime } from '../../home/relative-time'
import { CheckIcon } from '../../journey/chrome/icons'
import { ToggleField } from '../../journey/panels/ToggleField'
import { useActions, useEditor, useJourneyState } from '../../journey/store/editor-context'
import { useReview, useReviewStore } from '../ReviewContext'
import { useReviewUi, useReviewUiStore } from '../ReviewUiContext'
import type { Thread } from '../review-store'
import { openThreads, rememberSeen } from '../review-ui-store'
import { Avatar } from './Avatar'
import { anchorPlace, indexMap, type MapIndex } from './anchor-place'
import { CommentBody } from './CommentBody'
import { focusAnchor } from './focus-anchor'
import { type CommentsTab, groupByStage, threadsForTab } from './thread-groups'

const TABS: { id: CommentsTab; label: string }[] = [
  { id: 'open', label: 'Open' },
  { id: 'resolved', label: 'Resolved' },
  { id: 'mentions', label: 'Mentions of me' },
]

const EMPTY: Record<CommentsTab, { title: string; text: string }> = {
  open: {
    title: 'No open comments',
    text: 'Select a card and press C, or use the comment tool to pin a note anywhere on the map.',
  },
  resolved: { title: 'Nothing resolved yet', text: 'Resolved threads are kept here.' },
  mentions: {
    title: 'No mentions of you',
    text: 'When someone writes @ and your name, the thread shows up here.',
  },
}

function ThreadRow({
  thread,
  index,
  unread,
  onOpen,
}: {
  thread: Thread
  index: MapIndex
  unread: boolean
  onOpen: (thread: Thread) => void
}) {
  const { comment, replies } = thread
  const place = anchorPlace(comment.anchor, index)
  const last = replies.at(-1) ?? comment
  const created = Date.parse(last.createdAt)
  const classes = ['thread-row']
  if (unread) classes.push('is-unread')
  if (comment.resolved) classes.push('is-resolved')
  return (
    <li>
      <button
        type="button"
        className={classes.join(' ')}
        data-testid="thread-row"
        data-id={comment.id}
        data-unread={unread}
        onClick={() => onOpen(thread)}
      >
        <span className="thread-row-place">
          <span className="thread-row-kind">{place.kind}</span>
          <span className="thread-row-label">{place.label}</span>
          {unread ? <span className="thread-row-dot" title="New" /> : null}
        </span>
        <span className="thread-row-main">
          <Avatar person={comment.author} size="small" />
          <span className="thread-row-text">
            <span className="thread-row-meta">
              <strong>{comment.author.name}</strong>
              <time dateTime={last.createdAt} title={absoluteTime(created)}>
                {relativeTime(created)}
              </time>
            </span>
            <CommentBody comment={comment} clamp />
          </span>
        </span>
        <span className="thread-row-foot">
          {replies.length > 0
            ? `${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}`
            : 'No replies'}
          {comment.resolved ? (
            <span className="thread-row-resolved">
              <CheckIcon size={12} /> Resolved
            </span>
          ) : null}
        </span>
      </button>
    </li>
  )
}

/**
 * Every thread of the journey, open, resolved or mentioning this person, grouped by stage in
 * the order of the map. Clicking one selects and frames what it is about and opens it there.
 */
export function CommentsPanel() {
  const { me } = useReview()
  const ui = useReviewUiStore()
  const flow = useReactFlow()
  const { store } = useEditor()
  const actions = useActions()
  const tab = useReviewUi((state) => state.commentsTab)
  const showResolved = useReviewUi((state) => state.showResolved)
  const unread = useReviewUi((state) => state.unread.threads)
  const threads = useReviewStore((state) => state.threads)
  const synced = useReviewStore((state) => state.synced)
  const journey = useDeferredValue(useJourneyState((state) => state.journey))
  const index = useMemo(() => indexMap(journey), [journey])
  const counts = useMemo(
    () => ({
      open: threadsForTab(threads, 'open', me.id).length,
      resolved: threadsForTab(threads, 'resolved', me.id).length,
      mentions: threadsForTab(threads, 'mentions', me.id).length,
    }),
    [threads, me.id],
  )
  const shown = useMemo(() => threadsForTab(threads, tab, me.id), [threads, tab, me.id])
  const groups = useMemo(() => groupByStage(shown, journey, index), [shown, journey, index])
  const unreadHere = shown.filter((thread) => unread.has(thread.comment.id))
  const unreadMentions = threadsForTab(threads, 'mentions', me.id).filter((thread) =>
    unread.has(thread.comment.id),
  ).length

  const open = (thread: Thread) => {
    focusAnchor(flow, store, actions, thread.comment.anchor)
    openThreads(ui, { anchor: thread.comment.anchor, threadId: thread.comment.id, compose: false })
  }

  return (
    <div className="comments-panel" data-testid="comments-panel">
      <div className="comments-tabs" role="tablist" aria-label="Which comments">
        {TABS.map((entry) => (
          <button
            key={entry.id}
            type="button"
            role="tab"
            aria-selected={tab === entry.id}
            className={tab === entry.id ? 'comments-tab is-active' : 'comments-tab'}
            data-testid={`comments-tab-${entry.id}`}
            onClick={() => ui.setState({ commentsTab: entry.id })}
          >
            {entry.label}
            <span
              className={
                entry.id === 'mentions' && unreadMentions > 0 ? 'tab-badge is-mention' : 'tab-badge'
              }
            >
              {counts[entry.id]}
            </span>
          </button>
        ))}
      </div>
      <div className="comments-tools">
        <ToggleField
          label="Resolved on the map"
          hint="Show resolved threads' pins and counts on the canvas"
          checked={showResolved}
          onChange={(next) => ui.setState({ showResolved: next })}
        />
        {unreadHere.length > 0 ? (
          <button
            type="button"
            className="link-button"
            data-testid="mark-all-read"
            onClick={() => rememberSeen(ui, unreadHere)}
          >
            Mark {unreadHere.length} as read
          </button>
        ) : null}
      </div>
      {!synced && threads.length === 0 ? (
        <p className="inspector-hint">Loading comments…</p>
      ) : groups.length === 0 ? (
        <div className="panel-empty">
          <strong>{EMPTY[tab].title}</strong>
          <span>{EMPTY[tab].text}</span>
        </div>
      ) : (
        groups.map((group) => (
          <section key={group.key} className="thread-group" data-testid="thread-group">
            <h3>
              {group.title} <span className="field-count">{group.threads.length}</span>
            </h3>
            <ul>
              {group.threads.map((thread) => (
                <ThreadRow
                  key={thread.comment.id}
                  thread={thread}
                  index={index}
                  unread={unread.has(thread.comment.id)}
                  onOpen={open}
                />
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  )
}
