import type { Comment } from '@touchline/model'
import { useState } from 'react'
import { absoluteTime, relativeTime } from '../../home/relative-time'
import { ConfirmDialog } from '../../journey/chrome/ConfirmDialog'
import { useReview } from '../ReviewContext'
import { useReportFailure } from '../use-report-failure'
import { Avatar } from './Avatar'
import { CommentBody } from './CommentBody'
import { CommentComposer } from './CommentComposer'

interface Props {
  comment: Comment
  /** It arrived or changed since this person last looked. */
  isNew: boolean
  /** Replies under it that deleting it takes along (a thread's first comment). */
  replyCount?: number
}

/** One comment: who wrote it when, its text, and editing or deleting for whoever may. */
export function CommentItem({ comment, isNew, replyCount = 0 }: Props) {
  const { me, role, actions } = useReview()
  const report = useReportFailure()
  const [editing, setEditing] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const mine = comment.author.id === me.id && me.id !== ''
  const canEdit = mine && role !== 'viewer'
  const canDelete = (mine && role !== 'viewer') || role === 'editor'
  const created = Date.parse(comment.createdAt)
  const classes = ['comment-item']
  if (isNew) classes.push('is-new')

  return (
    <article className={classes.join(' ')} data-testid="comment" data-id={comment.id}>
      <Avatar person={comment.author} />
      <div className="comment-main">
        <header className="comment-meta">
          <strong className="comment-author">{comment.author.name}</strong>
          {mine ? <span className="comment-you">you</span> : null}
          <time dateTime={comment.createdAt} title={absoluteTime(created)}>
            {relativeTime(created)}
          </time>
          {comment.editedAt ? (
            <span className="comment-edited" title={absoluteTime(Date.parse(comment.editedAt))}>
              edited
            </span>
          ) : null}
          {isNew ? <span className="comment-new">New</span> : null}
          {!editing && (canEdit || canDelete) ? (
            <span className="comment-actions">
              {canEdit ? (
                <button
                  type="button"
                  className="link-button"
                  data-testid="comment-edit"
                  onClick={() => setEditing(true)}
                >
                  Edit
                </button>
              ) : null}
              {canDelete ? (
                <button
                  type="button"
                  className="link-button is-danger"
                  data-testid="comment-delete"
                  onClick={() => setConfirming(true)}
                >
                  Delete
                </button>
              ) : null}
            </span>
          ) : null}
        </header>
        {editing ? (
          <CommentComposer
            placeholder="Edit your comment"
            submitLabel="Save"
            initial={comment.body}
            initialMentions={comment.mentions}
            autoFocus
            testId="comment-edit-field"
            onSubmit={async (body, mentions) => {
              await actions.editComment(comment.id, body, mentions)
              setEditing(false)
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <CommentBody comment={comment} />
        )}
      </div>
      {confirming ? (
        <ConfirmDialog
          title={comment.parentId === null ? 'Delete this thread?' : 'Delete this reply?'}
          confirmLabel="Delete"
          danger
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false)
            report(actions.deleteComment(comment.id))
          }}
        >
          {comment.parentId === null && replyCount > 0
            ? `Its ${replyCount} ${replyCount === 1 ? 'reply goes' : 'replies go'} with it. This cannot be undone.`
            : 'This cannot be undone.'}
        </ConfirmDialog>
      ) : null}
    </article>
  )
}
