import type { Connection } from '@touchline/model'
import type { Edge } from '@xyflow/react'
import type { Lanes } from './edge-paths'

export interface ConnectionEdgeData extends Record<string, unknown> {
  connection: Connection
  /** Colour of a collaborator who has this connection selected. */
  peerColor: string | null
  dimmed: boolean
  /** Where a connection going back to an earlier column can run clear of the cards. */
  lanes: Lanes | null
}

export type ConnectionFlowEdge = Edge<ConnectionEdgeData, 'connection'>
