import type { Comment } from '@touchline/model'
import { useMemo } from 'react'
import { useReview, useReviewStore } from '../ReviewContext'
import { selectParticipants } from '../review-store'
import { mentionSegments } from './mentions'

/**
 * A comment's text with its mentions marked; a mention of this person stands out, so they see
 * at a glance where they were asked something.
 */
export function CommentBody({ comment, clamp }: { comment: Comment; clamp?: boolean }) {
  const { me } = useReview()
  const participants = useReviewStore(selectParticipants)
  const segments = useMemo(() => {
    const mentioned = [me, ...participants].filter((person) => comment.mentions.includes(person.id))
    return mentionSegments(comment.body, mentioned)
  }, [comment.body, comment.mentions, me, participants])
  return (
    <p className={clamp ? 'comment-body is-clamped' : 'comment-body'}>
      {segments.map((segment, index) =>
        segment.personId === null ? (
          segment.text
        ) : (
          <mark
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are derived from the text, in order.
            key={index}
            className={segment.personId === me.id ? 'comment-mention is-me' : 'comment-mention'}
            data-testid={segment.personId === me.id ? 'mention-of-me' : 'mention'}
          >
            {segment.text}
          </mark>
        ),
      )}
    </p>
  )
}
