import { BaseEdge, type EdgeProps, type InternalNode, useInternalNode } from '@xyflow/react'
import { type CSSProperties, memo } from 'react'
import { useActions } from '../store/editor-context'
import { EdgeLabel } from './canvas-layers'
import type { ConnectionFlowEdge } from './connection-edge-data'
import { type Rect, routeConnection } from './edge-paths'

const KIND_LABEL = {
  next: '',
  nurture: 'Nurture',
  handoff: 'Hand-off',
  escalation: 'Escalation',
} as const

/** The sign a label shrinks to when its connection is too short for the words. */
const KIND_SIGN = {
  next: '→',
  nurture: '↻',
  handoff: '⇄',
  escalation: '!',
} as const

/** Rough width of a label character at its size, and the label's padding and border. */
const CHAR_WIDTH = 6.5
const LABEL_PADDING = 20

/**
 * A connection drawn by kind: `next` a plain solid arrow, `nurture` a dashed violet loop with
 * its cadence, `handoff` a teal arrow with a hand-off tag, `escalation` a bold red arrow.
 */
function rectOf(node: InternalNode | undefined): Rect | null {
  // A card out of view may not be rendered, so not measured: its size is known anyway.
  const width = node?.measured.width ?? node?.width
  const height = node?.measured.height ?? node?.height
  if (!node || !width || !height) return null
  const { x, y } = node.internals.positionAbsolute
  return { x, y, width, height }
}

function ConnectionEdgeView({
  id,
  source,
  target,
  data,
  selected,
  markerEnd,
}: EdgeProps<ConnectionFlowEdge>) {
  const actions = useActions()
  const sourceRect = rectOf(useInternalNode(source))
  const targetRect = rectOf(useInternalNode(target))
  if (!data || !sourceRect || !targetRect) return null
  const { connection, peerColor, dimmed, lanes } = data
  const geometry = routeConnection(sourceRect, targetRect, lanes ?? undefined)
  const kindLabel = KIND_LABEL[connection.kind]
  const text =
    connection.kind === 'nurture'
      ? [connection.cadence || 'Nurture loop', connection.label].filter(Boolean).join(' · ')
      : [kindLabel, connection.label].filter(Boolean).join(': ')
  // Too little room for the words: a badge with the kind's sign, the words on hover and focus.
  const compact = text.length * CHAR_WIDTH + LABEL_PADDING > geometry.room
  const classes = ['connection-edge', `edge-${connection.kind}`]
  if (selected) classes.push('is-selected')
  if (dimmed) classes.push('is-dimmed')
  return (
    <>
      {peerColor ? (
        <path
          d={geometry.path}
          className="connection-peer-outline"
          style={{ stroke: peerColor }}
          data-testid="remote-selection"
        />
      ) : null}
      <BaseEdge
        id={id}
        path={geometry.path}
        className={classes.join(' ')}
        markerEnd={markerEnd}
        interactionWidth={18}
      />
      {text ? (
        <EdgeLabel>
          <button
            type="button"
            tabIndex={-1}
            onClick={(event) => {
              event.stopPropagation()
              actions.select({ touchpoints: [], connections: [connection.id], stageId: null })
            }}
            title={text}
            aria-label={text}
            className={`connection-label label-${connection.kind}${selected ? ' is-selected' : ''}${dimmed ? ' is-dimmed' : ''}${compact ? ' is-compact' : ''}`}
            style={
              {
                transform: `translate(-50%, -50%) translate(${geometry.labelX}px, ${geometry.labelY}px)`,
              } as CSSProperties
            }
          >
            {compact ? (
              <span className="connection-badge" aria-hidden="true">
                {KIND_SIGN[connection.kind]}
              </span>
            ) : null}
            {connection.kind === 'nurture' && !compact ? <span aria-hidden="true">↻ </span> : null}
            <span className="connection-text">{text}</span>
          </button>
        </EdgeLabel>
      ) : null}
    </>
  )
}

export const ConnectionEdge = memo(ConnectionEdgeView)
