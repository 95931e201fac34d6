import { useNodesInitialized, useReactFlow, useStoreApi } from '@xyflow/react'
import { useEffect, useRef } from 'react'
import { firstView, MIN_READABLE_ZOOM } from './zoom-levels'

const MARGIN = 32

/**
 * The first view of a journey: the whole map when it fits at a readable size (see `firstView`),
 * otherwise the start of the journey (the first stages) at a readable zoom, filling the height.
 */
export function useInitialView(): void {
  const initialized = useNodesInitialized()
  const flow = useReactFlow()
  const storeApi = useStoreApi()
  const done = useRef(false)
  useEffect(() => {
    if (!initialized || done.current) return
    done.current = true
    const { width, height } = storeApi.getState()
    const nodes = flow.getNodes()
    if (nodes.length === 0 || width === 0 || height === 0) return
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
  }, [initialized, flow, storeApi])
}
