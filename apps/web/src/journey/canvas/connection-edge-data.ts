import type { Connection } from '@touchline/model'
import type { Edge } from '@xyflow/react'

export interface ConnectionEdgeData extends Record<string, unknown> {
  connection: Connection
  /** Colour of a collaborator who has this connection selected. */
  peerColor: string | null
  dimmed: boolean
}

export type ConnectionFlowEdge = Edge<ConnectionEdgeData, 'connection'>
