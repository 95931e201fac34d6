import { type CSSProperties, memo } from 'react'
import { useActions } from '../../journey/store/editor-context'
import { useReviewStore } from '../ReviewContext'
import { useReviewUi } from '../ReviewUiContext'
import { DotBallot } from './DotBallot'
import { cardHeat, selectCardBallot, selectMyCardDots } from './vote-selectors'

interface Props {
  touchpointId: string
  title: string
}

/**
 * What a card shows of the votes: while a session asks about it, its ballot (dots on the card,
 * or a way to its pain points or opportunities); after a reveal, its heat and rank. Selected
 * by card id, so a vote re-renders only the card it was placed on.
 */
export const CardVote = memo(function CardVote({ touchpointId, title }: Props) {
  const ballot = useReviewStore(selectCardBallot(touchpointId))
  if (ballot === 'touchpoint') {
    return (
      <div className="card-vote nodrag nopan">
        <DotBallot item={{ touchpointId, itemId: null, list: null }} label={title} />
      </div>
    )
  }
  if (ballot === 'items') return <ItemsBallot touchpointId={touchpointId} />
  return <CardHeatMark touchpointId={touchpointId} />
})

function ItemsBallot({ touchpointId }: { touchpointId: string }) {
  const actions = useActions()
  const mine = useReviewStore(selectMyCardDots(touchpointId))
  return (
    <div className="card-vote is-items nodrag nopan">
      <button
        type="button"
        className="card-vote-items"
        data-testid="vote-items"
        title="Vote on this card's items in the inspector"
        onClick={(event) => {
          event.stopPropagation()
          actions.select({ touchpoints: [touchpointId], connections: [], stageId: null })
          actions.setPanel('inspector')
        }}
      >
        {mine > 0 ? (
          <span className="card-vote-mine">
            <span className="vote-dot is-mine" aria-hidden="true" />
            {mine}
          </span>
        ) : null}
        Vote on items
      </button>
    </div>
  )
}

function CardHeatMark({ touchpointId }: { touchpointId: string }) {
  const sessionId = useReviewUi((state) => state.heatSessionId)
  const heat = useReviewStore((state) => cardHeat(state, sessionId, touchpointId))
  if (!heat || heat.step === 0) return null
  return (
    <div
      className="card-heat"
      data-testid="card-heat"
      data-step={heat.step}
      data-rank={heat.rank}
      style={{ '--heat-color': `var(--heat-${heat.step})` } as CSSProperties}
    >
      <span className="card-heat-chip" title={`Ranked ${heat.rank} with ${heat.votes} votes`}>
        #{heat.rank} · {heat.votes} {heat.votes === 1 ? 'vote' : 'votes'}
      </span>
    </div>
  )
}
