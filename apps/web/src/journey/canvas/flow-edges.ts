import type { Connection, Touchpoint } from '@touchline/model'
import { MarkerType } from '@xyflow/react'
import type { ConnectionFlowEdge } from './connection-edge-data'
import type { PeerSelections } from './flow-nodes'

const MARKER_COLORS: Record<Connection['kind'], string> = {
  next: 'var(--edge-next)',
  nurture: 'var(--edge-nurture)',
  handoff: 'var(--edge-handoff)',
  escalation: 'var(--edge-escalation)',
}

export interface EdgeInputs {
  connections: readonly Connection[]
  touchpoints: readonly Touchpoint[]
  selected: readonly string[]
  personaFilter: string | null
  peerSelections: PeerSelections
}

/** Builds React Flow edges, reusing the previous edge object whenever nothing it shows changed. */
export function createEdgeBuilder(): (inputs: EdgeInputs) => ConnectionFlowEdge[] {
  let previous = new Map<string, ConnectionFlowEdge>()
  return ({ connections, touchpoints, selected, personaFilter, peerSelections }) => {
    const chosen = new Set(selected)
    const serving =
      personaFilter === null
        ? null
        : new Set(
            touchpoints
              .filter((touchpoint) => touchpoint.personaIds.includes(personaFilter))
              .map((touchpoint) => touchpoint.id),
          )
    const next = new Map<string, ConnectionFlowEdge>()
    const edges = connections.map((connection) => {
      const isSelected = chosen.has(connection.id)
      const peerColor = peerSelections.get(connection.id)?.colors[0] ?? null
      const dimmed =
        serving !== null && !(serving.has(connection.source) && serving.has(connection.target))
      const old = previous.get(connection.id)
      const edge: ConnectionFlowEdge =
        old?.data?.connection === connection &&
        old.data.peerColor === peerColor &&
        old.data.dimmed === dimmed &&
        old.selected === isSelected
          ? old
          : {
              id: connection.id,
              type: 'connection',
              source: connection.source,
              target: connection.target,
              selected: isSelected,
              data: { connection, peerColor, dimmed },
              markerEnd: {
                type: MarkerType.ArrowClosed,
                color: MARKER_COLORS[connection.kind],
                width: 18,
                height: 18,
              },
            }
      next.set(connection.id, edge)
      return edge
    })
    previous = next
    return edges
  }
}
