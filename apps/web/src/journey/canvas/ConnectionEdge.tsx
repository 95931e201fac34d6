import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react'
import { type CSSProperties, memo } from 'react'
import type { ConnectionFlowEdge } from './connection-edge-data'
import { connectionGeometry } from './edge-paths'

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
function ConnectionEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  data,
  selected,
  markerEnd,
}: EdgeProps<ConnectionFlowEdge>) {
  if (!data) return null
  const { connection, peerColor, dimmed } = data
  const loopsBack = targetX < sourceX + 40
  const geometry = connectionGeometry({ sourceX, sourceY, targetX, targetY }, loopsBack)
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
          <div
            className={`connection-label label-${connection.kind}${selected ? ' is-selected' : ''}${dimmed ? ' is-dimmed' : ''}`}
            style={
              {
                transform: `translate(-50%, -50%) translate(${geometry.labelX}px, ${geometry.labelY}px)`,
              } as CSSProperties
            }
          >
            {connection.kind === 'nurture' ? <span aria-hidden="true">↻ </span> : null}
            {text}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  )
}

export const ConnectionEdge = memo(ConnectionEdgeView)
