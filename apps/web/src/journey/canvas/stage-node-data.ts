import type { Stage } from '@touchline/model'
import type { Node } from '@xyflow/react'

export interface StageNodeData extends Record<string, unknown> {
  stage: Stage
  index: number
  stageCount: number
  touchpointCount: number
  selected: boolean
  /** Colour of a collaborator who has this stage selected. */
  peerColor: string | null
}

export type StageFlowNode = Node<StageNodeData, 'stage'>
