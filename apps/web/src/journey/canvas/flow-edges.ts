import type { Connection, Touchpoint } from '@touchline/model'
import { MarkerType } from '@xyflow/react'
import { sameItems } from '../util/same-items'
import { COLUMN_GAP, COLUMN_PADDING, type ColumnLayout } from './column-layout'
import type { ConnectionFlowEdge } from './connection-edge-data'
import type { Lanes } from './edge-paths'
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
  layout: ColumnLayout
}

/** The free space a connection going back runs through, from where its cards' columns are. */
function lanesFor(
  connection: Connection,
  stageOf: ReadonlyMap<string, string>,
  layout: ColumnLayout,
): Lanes | null {
  const source = layout.byStage.get(stageOf.get(connection.source) ?? '')
  const target = layout.byStage.get(stageOf.get(connection.target) ?? '')
  if (!source || !target || target.x >= source.x) return null
  return {
    // Every card ends at least three paddings above the columns' bottom.
    bottom: layout.height - COLUMN_PADDING * 1.5,
    sourceGap: source.x - COLUMN_GAP / 2,
    targetGap: target.x - COLUMN_GAP / 2,
  }
}

function sameLanes(a: Lanes | null, b: Lanes | null): boolean {
  if (a === null || b === null) return a === b
  return a.bottom === b.bottom && a.sourceGap === b.sourceGap && a.targetGap === b.targetGap
}

/**
 * Builds React Flow edges, reusing the previous edge object whenever nothing it shows changed,
 * and the previous list when no edge changed: React Flow re-indexes every edge for a new list,
 * which a card drag (moving cards, not connections) should not cost on each write.
 */
export function createEdgeBuilder(): (inputs: EdgeInputs) => ConnectionFlowEdge[] {
  let previous = new Map<string, ConnectionFlowEdge>()
  let previousList: ConnectionFlowEdge[] = []
  return ({ connections, touchpoints, selected, personaFilter, peerSelections, layout }) => {
    const chosen = new Set(selected)
    const stageOf = new Map(touchpoints.map((touchpoint) => [touchpoint.id, touchpoint.stageId]))
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
      const lanes = lanesFor(connection, stageOf, layout)
      const old = previous.get(connection.id)
      const edge: ConnectionFlowEdge =
        old?.data?.connection === connection &&
        old.data.peerColor === peerColor &&
        old.data.dimmed === dimmed &&
        sameLanes(old.data.lanes, lanes) &&
        old.selected === isSelected
          ? old
          : {
              id: connection.id,
              type: 'connection',
              source: connection.source,
              target: connection.target,
              selected: isSelected,
              data: { connection, peerColor, dimmed, lanes },
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
    if (!sameItems(edges, previousList)) previousList = edges
    return previousList
  }
}
