import { CHANNELS } from '@touchline/model'
import { Handle, type NodeProps, Position, useReactFlow } from '@xyflow/react'
import {
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  memo,
  useEffect,
  useRef,
} from 'react'
import { CardCommentBadge } from '../../review/comments/CommentBadge'
import { CardVote } from '../../review/votes/CardVote'
import { useActions } from '../store/editor-context'
import { bringIntoView, focusCard } from '../store/focus'
import { overviewTitleLines, titleLines } from './card-size'
import { ChannelIcon } from './channel-icons'
import { editCardTitle } from './edit-card-title'
import { emotionColor, emotionWord, formatScore } from './emotion'
import { shortName } from './short-name'
import type { TouchpointFlowNode } from './touchpoint-node-data'
import './touchpoint-card.css'

const CHANNEL_LABELS = new Map<string, string>(CHANNELS.map((c) => [c.id, c.label]))

function Badge({ kind, count, label }: { kind: string; count: number; label: string }) {
  if (count === 0) return null
  return (
    <span className={`card-badge card-badge-${kind}`} title={`${count} ${label}`}>
      <span aria-hidden="true" className="card-badge-glyph" />
      {count}
    </span>
  )
}

/**
 * A touchpoint card. Memoized: React Flow hands it a new `data` object only when this card's
 * touchpoint, personas, view or collaborators' selection changed; its comments and votes come
 * from the review stores through per-card selectors.
 */
function TouchpointNodeView({ data, selected, dragging, height }: NodeProps<TouchpointFlowNode>) {
  const { touchpoint, personas, emotion, dimmed, peerColors, peerNames } = data
  const peerColor = peerColors[0]
  const style = {
    '--card-emotion': emotionColor(emotion),
    '--title-lines': titleLines(touchpoint.title),
    '--overview-lines': overviewTitleLines(height ?? 0),
    ...(peerColor ? { '--peer-color': peerColor } : {}),
  } as CSSProperties
  const classes = ['touchpoint-card']
  if (selected) classes.push('is-selected')
  if (dragging) classes.push('is-dragging')
  if (dimmed) classes.push('is-dimmed')
  if (peerColor) classes.push('is-peer-selected')
  if (touchpoint.momentOfTruth) classes.push('is-moment-of-truth')
  const channelLabel = CHANNEL_LABELS.get(touchpoint.channel) ?? 'Other'
  const actions = useActions()
  const flow = useReactFlow()
  // Tab walks the cards in reading order and selects the one it reaches; a mouse press also
  // focuses the card, but there React Flow's click (and shift-click) decides the selection.
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return
    if (!event.currentTarget.matches(':focus-visible')) return
    if (!selected) actions.select({ touchpoints: [touchpoint.id], connections: [], stageId: null })
    // The browser scrolls the clipped canvas to show a focused card, which would shift the map
    // away from React Flow's idea of it; undo that and pan the map instead.
    const canvas = event.currentTarget.closest<HTMLElement>('.react-flow')
    if (!canvas) return
    canvas.scrollTo(0, 0)
    bringIntoView(flow, touchpoint.id, canvas.getBoundingClientRect())
  }
  // A card moved to another stage from the keyboard may land off screen: follow it.
  const root = useRef<HTMLDivElement>(null)
  const stageId = touchpoint.stageId
  const seenStage = useRef(stageId)
  useEffect(() => {
    if (seenStage.current === stageId) return
    seenStage.current = stageId
    const element = root.current
    const canvas = element?.closest<HTMLElement>('.react-flow')
    if (!element || !canvas || document.activeElement !== element) return
    const frame = requestAnimationFrame(() =>
      bringIntoView(flow, touchpoint.id, canvas.getBoundingClientRect()),
    )
    return () => cancelAnimationFrame(frame)
  }, [stageId, flow, touchpoint.id])
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return
    if (event.key === 'Enter') {
      event.preventDefault()
      editCardTitle(actions, touchpoint.id)
    } else if (event.key === 'Tab') {
      // Tab walks every card in reading order, drawn or not: a big map renders only the
      // cards in view, so the browser's own Tab would skip the rest.
      const cards = flow.getNodes().filter((node) => node.type === 'touchpoint')
      const next =
        cards[cards.findIndex((node) => node.id === touchpoint.id) + (event.shiftKey ? -1 : 1)]
      const canvas = event.currentTarget.closest<HTMLElement>('.react-flow')
      // Past the first or last card, Tab leaves the map as usual.
      if (!next || !canvas) return
      event.preventDefault()
      focusCard(flow, next.id, canvas)
    }
  }

  return (
    // biome-ignore lint/a11y/useSemanticElements: a card holds blocks and handles, which a <button> may not contain.
    <div
      ref={root}
      className={classes.join(' ')}
      style={style}
      data-testid="touchpoint-card"
      data-id={touchpoint.id}
      role="button"
      tabIndex={0}
      aria-label={`${touchpoint.title}, ${channelLabel}`}
      aria-pressed={selected}
      onFocus={onFocus}
      onKeyDown={onKeyDown}
    >
      <Handle type="target" position={Position.Left} className="card-handle" />
      {/* Each selects this card's own comments and votes by id: a vote elsewhere leaves it be. */}
      <CardCommentBadge touchpointId={touchpoint.id} title={touchpoint.title} selected={selected} />
      <CardVote touchpointId={touchpoint.id} title={touchpoint.title} />
      {peerColor ? (
        <div
          className="peer-selection-tag"
          data-testid="remote-selection"
          title={`Selected by ${peerNames.join(', ')}`}
        >
          {peerNames[0]}
          {peerNames.length > 1 ? ` +${peerNames.length - 1}` : ''}
        </div>
      ) : null}
      <div className="card-body">
        <div className="card-top">
          <span className="card-channel" title={channelLabel}>
            <ChannelIcon channel={touchpoint.channel} size={14} />
            <span className="card-channel-label">{channelLabel}</span>
          </span>
          {touchpoint.momentOfTruth ? (
            <span className="card-mot" title="Moment of truth">
              <svg viewBox="0 0 24 24" width="12" height="12" aria-hidden="true">
                <path
                  d="m12 2.5 2.9 6 6.6.9-4.8 4.6 1.2 6.5L12 17.4l-5.9 3.1 1.2-6.5-4.8-4.6 6.6-.9z"
                  fill="currentColor"
                />
              </svg>
              Moment of truth
            </span>
          ) : null}
        </div>
        <div className="card-title">{touchpoint.title}</div>
        {touchpoint.owner ? (
          <div className="card-owner" title="Owner">
            <svg viewBox="0 0 24 24" width="12" height="12" aria-hidden="true">
              <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" strokeWidth="2" />
              <path
                d="M4 21c0-4 3.6-7 8-7s8 3 8 7"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
              />
            </svg>
            {touchpoint.owner}
          </div>
        ) : null}
        {personas.length > 0 ? (
          <div className="card-personas">
            {personas.map((persona) => (
              <span
                key={persona.id}
                className="persona-chip"
                title={persona.name}
                style={{ '--persona-color': persona.color } as CSSProperties}
              >
                {personas.length > 2 ? shortName(persona.name) : persona.name}
              </span>
            ))}
          </div>
        ) : null}
        <div className="card-footer">
          <span className="card-emotion" title={`Emotion: ${emotionWord(emotion)}`}>
            <span className="card-emotion-dot" aria-hidden="true" />
            {emotion === null ? 'Not rated' : formatScore(emotion)}
          </span>
          <span className="card-badges">
            <Badge kind="pain" count={touchpoint.painPoints.length} label="pain points" />
            <Badge
              kind="opportunity"
              count={touchpoint.opportunities.length}
              label="opportunities"
            />
            <Badge kind="kpi" count={touchpoint.kpis.length} label="KPIs" />
            {touchpoint.conversion ? (
              <span className="card-flag" title="Conversion">
                Conv.
              </span>
            ) : null}
          </span>
        </div>
      </div>
      <Handle type="source" position={Position.Right} className="card-handle" />
    </div>
  )
}

export const TouchpointNode = memo(TouchpointNodeView)
