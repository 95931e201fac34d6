import type { Persona, Touchpoint } from '@touchline/model'
import type { Node } from '@xyflow/react'

/** Everything a card draws; rebuilt only when one of these inputs changes (see flow-nodes.ts). */
export interface TouchpointNodeData extends Record<string, unknown> {
  touchpoint: Touchpoint
  /** The personas the card serves, in journey order. */
  personas: readonly Persona[]
  emotion: number | null
  /** A persona view is active and this card does not serve that persona. */
  dimmed: boolean
  /** Colours of collaborators who have this card selected. */
  peerColors: readonly string[]
  peerNames: readonly string[]
}

export type TouchpointFlowNode = Node<TouchpointNodeData, 'touchpoint'>
