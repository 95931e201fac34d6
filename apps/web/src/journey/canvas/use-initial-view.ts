import { type ReactFlowState, useReactFlow, useStore, useStoreApi } from '@xyflow/react'
import { useEffect, useRef } from 'react'
import { firstView, MIN_READABLE_ZOOM } from './zoom-levels'

const MARGIN = 32

/**
 * The canvas is measured and the journey's nodes are there (a journey still on its way from
 * the server or the local copy has none yet). Cards carry their size, so the map's bounds are
 * known without waiting for the browser to measure them, which on a big map, drawn only where
 * in view, it never does for most.
 */
const ready = (state: ReactFlowState) =>
  state.width > 0 && state.height > 0 && state.nodes.length > 0

/**
 * The first view of a journey: the whole map when it fits at a readable size (see `firstView`),
 * otherwise the start of the journey (the first stages) at a readable zoom, filling the height.
 */
export function useInitialView(): void {
  const isReady = useStore(ready)
  const flow = useReactFlow()
  const storeApi = useStoreApi()
  const done = useRef(false)
  useEffect(() => {
    if (!isReady || done.current) return
    done.current = true
    const { width, height } = storeApi.getState()
    const nodes = flow.getNodes()
    const bounds = flow.getNodesBounds(nodes)
    const fitAll = Math.min(
      (width - MARGIN * 2) / bounds.width,
      (height - MARGIN * 2) / bounds.height,
      1,
    )
    const view = firstView(
      fitAll,
      nodes.some((node) => node.type === 'touchpoint'),
    )
    if (view.kind === 'whole') {
      void flow.fitView({ padding: 0.06, maxZoom: view.maxZoom })
      return
    }
    const zoom = Math.max(MIN_READABLE_ZOOM, Math.min(1, (height - MARGIN * 2) / bounds.height))
    void flow.setViewport({
      x: MARGIN - bounds.x * zoom,
      y: MARGIN - bounds.y * zoom,
      zoom,
    })
  }, [isReady, flow, storeApi])
}
