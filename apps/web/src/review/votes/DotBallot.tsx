import { type VoteItemRef, voteItemKey } from '@touchline/model'
import { type CSSProperties, memo } from 'react'
import { useReview, useReviewStore } from '../ReviewContext'
import { useReviewUi } from '../ReviewUiContext'
import { type ReviewStoreState, selectOpenSession } from '../review-store'
import { useVoting } from './use-voting'
import { selectMyDots, selectOpenTally, selectRemaining } from './vote-selectors'

const openSessionId = (state: ReviewStoreState) => selectOpenSession(state)?.id ?? null
const allowsSeveral = (state: ReviewStoreState) =>
  selectOpenSession(state)?.allowMultiplePerItem ?? false

/**
 * Voting on one item: this person's dots (a click takes one back) and a place for the next
 * one, plus everyone's count when the session is not hidden.
 */
export const DotBallot = memo(function DotBallot({
  item,
  label,
}: {
  item: VoteItemRef
  label: string
}) {
  const key = voteItemKey(item)
  const { me, role } = useReview()
  const { place, takeBack } = useVoting()
  const mine = useReviewStore(selectMyDots(key))
  const remaining = useReviewStore(selectRemaining)
  const several = useReviewStore(allowsSeveral)
  const tally = useReviewStore(selectOpenTally(key))
  const sessionId = useReviewStore(openSessionId)
  const ended = useReviewUi(
    (state) => state.endedSessionId !== null && state.endedSessionId === sessionId,
  )
  const canVote = role !== 'viewer' && !ended
  const canAdd = canVote && (remaining === null || remaining > 0) && (several || mine === 0)
  const style = { '--dot-color': me.color || 'var(--accent)' } as CSSProperties

  return (
    <span className="dot-ballot" style={style} data-testid="dot-ballot" data-mine={mine}>
      {Array.from({ length: mine }, (_, index) => (
        <button
          // biome-ignore lint/suspicious/noArrayIndexKey: dots on one item are interchangeable.
          key={index}
          type="button"
          className="vote-dot is-mine"
          aria-label={`Take back your vote on ${label}`}
          title="Your vote: click to take it back"
          data-testid="my-dot"
          disabled={!canVote}
          onClick={(event) => {
            event.stopPropagation()
            takeBack(key)
          }}
        />
      ))}
      {canAdd ? (
        <button
          type="button"
          className="vote-add"
          aria-label={`Vote for ${label}`}
          title={remaining === null ? 'Vote' : `Vote (${remaining} left)`}
          data-testid="vote-add"
          onClick={(event) => {
            event.stopPropagation()
            place(item)
          }}
        >
          +
        </button>
      ) : null}
      {tally !== null ? (
        <span className="vote-tally" title={`${tally} ${tally === 1 ? 'vote' : 'votes'} so far`}>
          {tally}
        </span>
      ) : null}
    </span>
  )
})
