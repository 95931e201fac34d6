import type { VoteSession } from '@touchline/model'
import { type CSSProperties, useEffect, useState } from 'react'
import { ConfirmDialog } from '../../journey/chrome/ConfirmDialog'
import { ClockIcon, CloseIcon, DotVoteIcon, EyeOffIcon } from '../../journey/chrome/icons'
import { useActions } from '../../journey/store/editor-context'
import { useReview, useReviewStore } from '../ReviewContext'
import { useReviewUi, useReviewUiStore } from '../ReviewUiContext'
import { selectOpenSession, selectVoterCount } from '../review-store'
import { useReportFailure } from '../use-report-failure'
import { formatCountdown } from './countdown'
import { selectRemaining } from './vote-selectors'

/**
 * The vote everyone is in, over the map: its question, this person's votes left, the clock,
 * and for the facilitator how many have voted and the reveal. After a reveal it says the
 * result is on the map, until put away.
 */
export function VoteSessionBar() {
  const session = useReviewStore(selectOpenSession)
  const heatSessionId = useReviewUi((state) => state.heatSessionId)
  if (session) return <OpenSessionBar key={session.id} session={session} />
  if (heatSessionId) return <ResultsBar sessionId={heatSessionId} />
  return null
}

function useClock(endsAt: string | null): number | null {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!endsAt) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [endsAt])
  return endsAt ? Date.parse(endsAt) - now : null
}

function OpenSessionBar({ session }: { session: VoteSession }) {
  const { role, me, actions } = useReview()
  const ui = useReviewUiStore()
  const editor = useActions()
  const report = useReportFailure()
  const remaining = useReviewStore(selectRemaining)
  const voters = useReviewStore(selectVoterCount(session.id))
  const left = useClock(session.endsAt)
  const ended = left !== null && left <= 0
  const [confirmCancel, setConfirmCancel] = useState(false)
  const [revealing, setRevealing] = useState(false)

  useEffect(() => {
    const endedId = ended ? session.id : null
    if (ui.getState().endedSessionId !== endedId) ui.setState({ endedSessionId: endedId })
  }, [ended, session.id, ui])
  useEffect(() => () => ui.setState({ endedSessionId: null }), [ui])

  const onItems = session.items.some((item) => item.itemId !== null)
  const used = remaining === null ? null : session.votesPerPerson - remaining
  const reveal = () => {
    setRevealing(true)
    report(actions.reveal(session.id).finally(() => setRevealing(false)))
  }

  return (
    <section className="vote-bar" aria-label="Dot vote" data-testid="vote-bar">
      <span className="vote-bar-title">
        <DotVoteIcon size={16} />
        <strong>{session.title}</strong>
      </span>
      {session.hidden ? (
        <span className="vote-bar-tag" title="Nobody sees the dots or counts until the reveal">
          <EyeOffIcon size={13} /> Hidden until reveal
        </span>
      ) : null}
      {role === 'viewer' ? (
        <span className="vote-bar-note">You are watching: voting needs a commenter link</span>
      ) : (
        <span
          className="vote-bar-budget"
          data-testid="votes-left"
          data-remaining={remaining ?? ''}
          style={{ '--dot-color': me.color || 'var(--accent)' } as CSSProperties}
        >
          <span className="vote-pips" aria-hidden="true">
            {Array.from({ length: Math.min(session.votesPerPerson, 10) }, (_, index) => (
              <span
                // biome-ignore lint/suspicious/noArrayIndexKey: one pip per vote of the budget.
                key={index}
                className={used !== null && index < used ? 'vote-pip is-used' : 'vote-pip'}
              />
            ))}
          </span>
          {remaining === null
            ? `${session.votesPerPerson} votes each`
            : remaining === 0
              ? 'All your votes are placed'
              : `${remaining} ${remaining === 1 ? 'vote' : 'votes'} left`}
        </span>
      )}
      {role === 'editor' ? (
        <span className="vote-bar-voters" data-testid="voter-count" data-count={voters}>
          {voters} {voters === 1 ? 'person' : 'people'} voted
        </span>
      ) : null}
      {left !== null ? (
        <span
          className={ended ? 'vote-bar-clock is-ended' : 'vote-bar-clock'}
          data-testid="vote-clock"
        >
          <ClockIcon size={13} />
          {ended ? 'Time is up' : formatCountdown(left)}
        </span>
      ) : null}
      {onItems ? (
        <button
          type="button"
          className="tl-button tl-button--small tl-button--ghost"
          onClick={() => editor.setPanel('votes')}
        >
          List
        </button>
      ) : null}
      {role === 'editor' ? (
        <span className="vote-bar-actions">
          <button
            type="button"
            className="tl-button tl-button--small tl-button--primary"
            data-testid="vote-reveal"
            disabled={revealing}
            onClick={reveal}
          >
            {revealing ? 'Revealing…' : 'Reveal'}
          </button>
          <button
            type="button"
            className="tl-button tl-button--small tl-button--ghost"
            data-testid="vote-cancel"
            onClick={() => setConfirmCancel(true)}
          >
            Cancel
          </button>
        </span>
      ) : null}
      {confirmCancel ? (
        <ConfirmDialog
          title="Cancel this vote?"
          confirmLabel="Cancel the vote"
          danger
          onCancel={() => setConfirmCancel(false)}
          onConfirm={() => {
            setConfirmCancel(false)
            report(actions.cancel(session.id))
          }}
        >
          {session.hidden
            ? 'Everyone’s dots are dropped unseen, and nothing is written into the journey.'
            : 'The dots placed so far are kept with the session, but nothing is written into the journey.'}
        </ConfirmDialog>
      ) : null}
    </section>
  )
}

function ResultsBar({ sessionId }: { sessionId: string }) {
  const ui = useReviewUiStore()
  const editor = useActions()
  const session = useReviewStore((state) => state.sessions.find((s) => s.id === sessionId))
  const voters = useReviewStore(selectVoterCount(sessionId))
  if (!session?.results) return null
  const total = session.results.reduce((sum, result) => sum + result.votes, 0)
  return (
    <section className="vote-bar is-results" aria-label="Vote result" data-testid="results-bar">
      <span className="vote-bar-title">
        <DotVoteIcon size={16} />
        <strong>{session.title}</strong>
      </span>
      <span className="vote-bar-note">
        {total} {total === 1 ? 'vote' : 'votes'} from {voters} {voters === 1 ? 'person' : 'people'},
        shown as heat on the cards
      </span>
      <span className="heat-legend" aria-hidden="true">
        {[1, 2, 3, 4, 5].map((step) => (
          <span key={step} style={{ background: `var(--heat-${step})` }} />
        ))}
      </span>
      <button
        type="button"
        className="tl-button tl-button--small"
        data-testid="see-ranking"
        onClick={() => editor.setPanel('votes')}
      >
        Ranking
      </button>
      <button
        type="button"
        className="tl-icon-button"
        aria-label="Hide the heat"
        title="Hide the heat"
        onClick={() => ui.setState({ heatSessionId: null })}
      >
        <CloseIcon size={15} />
      </button>
    </section>
  )
}
