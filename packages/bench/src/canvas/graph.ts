// The node and edge lists both canvases are measured with: the bare page gets the same
// touchpoints (as React Flow default nodes) and connections as the Touchline journey.
import { largeJourney } from '../journeys/large-journey.js'

export interface BareGraph {
  nodes: { id: string; position: { x: number; y: number }; data: { label: string } }[]
  edges: { id: string; source: string; target: string }[]
}

export function bareGraph(touchpoints: number): BareGraph {
  const journey = largeJourney(touchpoints)
  return {
    nodes: journey.touchpoints.map((card) => ({
      id: card.id,
      position: card.position,
      data: { label: card.title },
    })),
    edges: journey.connections.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
    })),
  }
}
