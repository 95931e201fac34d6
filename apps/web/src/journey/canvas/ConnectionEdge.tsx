import {
  BaseEdge,
  EdgeLabelRenderer,
  type EdgeProps,
  type InternalNode,
  useInternalNode,
} from '@xyflow/react'
import { type CSSProperties, memo } from 'react'
import { useActions } from '../store/editor-context'
import type { ConnectionFlowEdge } from './connection-edge-data'
import { type Rect, routeConnection } from './edge-paths'

const KIND_LABEL = {
  next: '',
  nurture: 'Nurture',
  handoff: 'Hand-off',
  escalation: 'Escalation',
} as const

/**
 * A connection drawn by kind: `next` a plain solid arrow, `nurture` a dashed violet loop with
 * its cadence, `handoff` a teal arrow with a hand-off tag, `escalation` a bold red arrow.
 */
function rectOf(node: InternalNode | undefined): Rect | null {
  if (!node?.measured.width || !node.measured.height) return null
  const { x, y } = node.internals.positionAbsolute
  return { x, y, width: node.measured.width, height: node.measured.height }
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
  const { connection, peerColor, dimmed } = data
  const geometry = routeConnection(sourceRect, targetRect)
  const kindLabel = KIND_LABEL[connection.kind]
  const text =
    connection.kind === 'nurture'
      ? [connection.cadence || 'Nurture loop', connection.label].filter(Boolean).join(' · ')
      : [kindLabel, connection.label].filter(Boolean).join(': ')
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
        <EdgeLabelRenderer>
          <button
            type="button"
            tabIndex={-1}
            onClick={(event) => {
              event.stopPropagation()
              actions.select({ touchpoints: [], connections: [connection.id], stageId: null })
            }}
            className={`connection-label label-${connection.kind}${selected ? ' is-selected' : ''}${dimmed ? ' is-dimmed' : ''}`}
            style={
              {
                transform: `translate(-50%, -50%) translate(${geometry.labelX}px, ${geometry.labelY}px)`,
              } as CSSProperties
            }
          >
            {connection.kind === 'nurture' ? <span aria-hidden="true">↻ </span> : null}
            {text}
          </button>
        </EdgeLabelRenderer>
      ) : null}
    </>
  )
}

export const ConnectionEdge = memo(ConnectionEdgeView)
