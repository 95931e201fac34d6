import { CheckIcon } from '../../journey/chrome/icons'
import { useReview } from '../ReviewContext'
import type { Thread } from '../review-store'
import { useReportFailure } from '../use-report-failure'
import { CommentComposer } from './CommentComposer'
import { CommentItem } from './CommentItem'

interface Props {
  thread: Thread
  /** Comments that arrived since this person last looked. */
  newIds: ReadonlySet<string>
  /** Brought into view from the comments panel. */
  focused?: boolean
}

/** A thread: its first comment, the replies, resolving, and a reply field for commenters. */
export function CommentThread({ thread, newIds, focused }: Props) {
  const { me, role, actions } = useReview()
  const report = useReportFailure()
  const { comment, replies } = thread
  const canReply = role !== 'viewer'
  const canResolve = role === 'editor' || (role === 'commenter' && comment.author.id === me.id)
  const classes = ['comment-thread']
  if (comment.resolved) classes.push('is-resolved')
  if (focused) classes.push('is-focused')

  return (
    <section
      className={classes.join(' ')}
      data-testid="comment-thread"
      data-id={comment.id}
      data-resolved={comment.resolved}
      aria-label={`Thread started by ${comment.author.name}`}
    >
      {comment.resolved ? (
        <div className="thread-resolved">
          <CheckIcon size={14} />
          <span>Resolved{comment.resolvedBy ? ` by ${comment.resolvedBy.name}` : ''}</span>
          {canResolve ? (
            <button
              type="button"
              className="link-button"
              data-testid="thread-reopen"
              onClick={() => report(actions.setResolved(comment.id, false))}
            >
              Reopen
            </button>
          ) : null}
        </div>
      ) : canResolve ? (
        <button
          type="button"
          className="thread-resolve"
          title="Resolve: done, hide it from the map"
          data-testid="thread-resolve"
          onClick={() => report(actions.setResolved(comment.id, true))}
        >
          <CheckIcon size={14} /> Resolve
        </button>
      ) : null}
      <CommentItem comment={comment} isNew={newIds.has(comment.id)} replyCount={replies.length} />
      {replies.length > 0 ? (
        <div className="thread-replies">
          {replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} isNew={newIds.has(reply.id)} />
          ))}
        </div>
      ) : null}
      {canReply && !comment.resolved ? (
        <CommentComposer
          placeholder="Reply…"
          submitLabel="Reply"
          testId="reply-field"
          onSubmit={async (body, mentions) => {
            await actions.addComment({ parentId: comment.id, body, mentions })
          }}
          onCancel={() => undefined}
        />
      ) : null}
    </section>
  )
}
