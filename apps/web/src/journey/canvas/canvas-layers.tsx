import { type ReactFlowState, useStore } from '@xyflow/react'
import { createContext, type ReactNode, useContext, useMemo } from 'react'
import { createPortal } from 'react-dom'

const selectDomNode = (state: ReactFlowState) => state.domNode

interface Layers {
  labels: HTMLElement | null
  viewport: HTMLElement | null
}

const CanvasLayers = createContext<Layers>({ labels: null, viewport: null })

/**
 * Finds React Flow's edge-label and viewport layers once for the whole canvas. React Flow's own
 * `EdgeLabelRenderer` and `ViewportPortal` look their layer up with a DOM query in a store
 * selector, so every instance repeats that query on every pan and zoom frame: hundreds of
 * queries through tens of thousands of elements per frame on a big map.
 */
export function CanvasLayersProvider({ children }: { children: ReactNode }) {
  const domNode = useStore(selectDomNode)
  const layers = useMemo(
    () => ({
      labels: domNode?.querySelector<HTMLElement>('.react-flow__edgelabel-renderer') ?? null,
      viewport: domNode?.querySelector<HTMLElement>('.react-flow__viewport-portal') ?? null,
    }),
    [domNode],
  )
  return <CanvasLayers.Provider value={layers}>{children}</CanvasLayers.Provider>
}

/** Renders a connection's label into the shared label layer (nothing until it exists). */
export function EdgeLabel({ children }: { children: ReactNode }) {
  const { labels } = useContext(CanvasLayers)
  return labels ? createPortal(children, labels) : null
}

/** Renders in map coordinates, above the cards (nothing until the layer exists). */
export function ViewportLayer({ children }: { children: ReactNode }) {
  const { viewport } = useContext(CanvasLayers)
  return viewport ? createPortal(children, viewport) : null
}
