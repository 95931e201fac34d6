import { type VoteItemRef, type VoteSession, voteItemKey } from '@touchline/model'
import { useReactFlow } from '@xyflow/react'
import { type CSSProperties, useDeferredValue, useMemo, useState } from 'react'
import { absoluteTime } from '../../home/relative-time'
import { DotVoteIcon } from '../../journey/chrome/icons'
import { useActions, useEditor, useJourneyState } from '../../journey/store/editor-context'
import { anchorPlace, indexMap, type MapIndex } from '../comments/anchor-place'
import { focusAnchor } from '../comments/focus-anchor'
import { useReview, useReviewStore } from '../ReviewContext'
import { useReviewUi, useReviewUiStore } from '../ReviewUiContext'
import { selectOpenSession, selectVoterCount } from '../review-store'
import { DotBallot } from './DotBallot'
import { heatStep } from './heat'
import { itemAnchor } from './vote-items'

/** Rows a list draws before asking for a narrower search: a panel of 5,000 rows helps nobody. */
const SHOWN_ROWS = 150
const TOP_RESULTS = 10

function useFocusItem(): (item: VoteItemRef) => void {
  const flow = useReactFlow()
  const { store } = useEditor()
  const actions = useActions()
  return (item) => focusAnchor(flow, store, actions, itemAnchor(item))
}

function ItemName({ item, index }: { item: VoteItemRef; index: MapIndex }) {
  const place = anchorPlace(itemAnchor(item), index)
  return (
    <span className="vote-item-name">
      <span>{place.label}</span>
      {place.within ? <span className="vote-item-within">{place.within}</span> : null}
    </span>
  )
}

/** The items of the open session, to vote on from the list (pain points live in no card). */
function Ballot({ session, index }: { session: VoteSession; index: MapIndex }) {
  const [query, setQuery] = useState('')
  const deferred = useDeferredValue(query.trim().toLowerCase())
  const focus = useFocusItem()
  const rows = useMemo(
    () =>
      session.items.filter((item) => {
        if (!deferred) return true
        const place = anchorPlace(itemAnchor(item), index)
        return `${place.label} ${place.within ?? ''}`.toLowerCase().includes(deferred)
      }),
    [session.items, deferred, index],
  )
  return (
    <section className="votes-section" data-testid="ballot">
      {session.items.length > 12 ? (
        <input
          className="tl-input votes-search"
          type="search"
          placeholder={`Find among ${session.items.length.toLocaleString('en')} items`}
          aria-label="Find an item"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      ) : null}
      <ul className="vote-rows">
        {rows.slice(0, SHOWN_ROWS).map((item) => {
          const place = anchorPlace(itemAnchor(item), index)
          return (
            <li key={voteItemKey(item)} className="vote-row" data-key={voteItemKey(item)}>
              <button type="button" className="vote-row-name" onClick={() => focus(item)}>
                <ItemName item={item} index={index} />
              </button>
              <DotBallot item={item} label={place.label} />
            </li>
          )
        })}
      </ul>
      {rows.length > SHOWN_ROWS ? (
        <p className="inspector-hint">
          {(rows.length - SHOWN_ROWS).toLocaleString('en')} more: type to find one.
        </p>
      ) : null}
    </section>
  )
}

/** A revealed session's ranking: every item with its rank, votes and a bar in its heat. */
function Ranking({ session, index }: { session: VoteSession; index: MapIndex }) {
  const [all, setAll] = useState(false)
  const focus = useFocusItem()
  const results = session.results ?? []
  const most = results.reduce((max, result) => Math.max(max, result.votes), 0)
  const shown = all ? results : results.slice(0, TOP_RESULTS)
  return (
    <>
      <ol className="ranking" data-testid="ranking">
        {shown.map((result) => {
          const step = heatStep(result.votes, most)
          return (
            <li key={voteItemKey(result.item)}>
              <button
                type="button"
                className="ranking-row"
                data-testid="ranking-row"
                data-rank={result.rank}
                data-votes={result.votes}
                onClick={() => focus(result.item)}
              >
                <span className="ranking-rank">{result.rank}</span>
                <ItemName item={result.item} index={index} />
                <span className="ranking-votes">{result.votes}</span>
                <span
                  className="ranking-bar"
                  style={
                    {
                      '--share': most > 0 ? result.votes / most : 0,
                      '--heat-color': step > 0 ? `var(--heat-${step})` : 'transparent',
                    } as CSSProperties
                  }
                />
              </button>
            </li>
          )
        })}
      </ol>
      {results.length > TOP_RESULTS ? (
        <button type="button" className="link-button" onClick={() => setAll(!all)}>
          {all ? 'Show the top ten' : `Show all ${results.length.toLocaleString('en')}`}
        </button>
      ) : null}
    </>
  )
}

function SessionSummary({ session, index }: { session: VoteSession; index: MapIndex }) {
  const ui = useReviewUiStore()
  const heatSessionId = useReviewUi((state) => state.heatSessionId)
  const voters = useReviewStore(selectVoterCount(session.id))
  const onMap = heatSessionId === session.id
  const [expanded, setExpanded] = useState(onMap)
  const when = session.revealedAt ?? session.createdAt
  const total = session.results?.reduce((sum, result) => sum + result.votes, 0) ?? 0
  return (
    <details
      className="past-session"
      data-testid="past-session"
      data-status={session.status}
      open={expanded}
      onToggle={(event) => setExpanded(event.currentTarget.open)}
    >
      <summary>
        <span className="past-session-title">{session.title}</span>
        <span className="past-session-meta">
          {session.status === 'cancelled'
            ? `Cancelled · ${absoluteTime(Date.parse(when))}`
            : `${total} ${total === 1 ? 'vote' : 'votes'} from ${voters} · ${absoluteTime(Date.parse(when))}`}
        </span>
      </summary>
      {session.status === 'revealed' ? (
        <div className="past-session-body">
          <button
            type="button"
            className={onMap ? 'chip-toggle is-on' : 'chip-toggle'}
            aria-pressed={onMap}
            data-testid="show-heat"
            onClick={() => ui.setState({ heatSessionId: onMap ? null : session.id })}
          >
            {onMap ? 'Heat shown on the map' : 'Show heat on the map'}
          </button>
          <Ranking session={session} index={index} />
        </div>
      ) : null}
    </details>
  )
}

/**
 * Dot votes: the open session's list of items (with this person's dots), the start of a new
 * one for editors, and every earlier session with its ranking.
 */
export function VotesPanel() {
  const { role } = useReview()
  const ui = useReviewUiStore()
  const open = useReviewStore(selectOpenSession)
  const sessions = useReviewStore((state) => state.sessions)
  const journey = useDeferredValue(useJourneyState((state) => state.journey))
  const index = useMemo(() => indexMap(journey), [journey])
  const past = useMemo(
    () =>
      sessions
        .filter((session) => session.status !== 'open')
        .sort((a, b) => (b.revealedAt ?? b.createdAt).localeCompare(a.revealedAt ?? a.createdAt)),
    [sessions],
  )

  return (
    <div className="votes-panel" data-testid="votes-panel">
      {open ? (
        <>
          <header className="votes-heading">
            <h3>{open.title}</h3>
            <p className="inspector-hint">
              {open.votesPerPerson} {open.votesPerPerson === 1 ? 'vote' : 'votes'} each ·{' '}
              {open.allowMultiplePerItem ? 'several on one item allowed' : 'one per item'}
              {open.hidden ? ' · hidden until the reveal' : ''}
            </p>
          </header>
          <Ballot session={open} index={index} />
        </>
      ) : (
        <div className="panel-empty">
          <strong>No vote under way</strong>
          <span>
            {role === 'editor'
              ? 'Ask the room to prioritise: everyone places their dots, then you reveal the ranking.'
              : 'When the facilitator starts a dot vote, you place your dots here and on the cards.'}
          </span>
          {role === 'editor' ? (
            <button
              type="button"
              className="tl-button tl-button--small tl-button--primary votes-start"
              data-testid="open-start-vote"
              onClick={() => ui.setState({ startingVote: true })}
            >
              <DotVoteIcon size={15} /> Start a dot vote
            </button>
          ) : null}
        </div>
      )}
      {past.length > 0 ? (
        <section className="votes-section">
          <h3 className="votes-section-title">Results</h3>
          {past.map((session) => (
            <SessionSummary key={session.id} session={session} index={index} />
          ))}
        </section>
      ) : null}
    </div>
  )
}
