import type { ReactFlowInstance } from '@xyflow/react'
import type { JourneyActions } from './journey-actions'
import type { JourneyStore } from './journey-store'

const FOCUS_DURATION_MS = 400
/** How long keyboard focus waits for a card brought into view to be drawn. */
const FOCUS_WAIT_MS = 1500

/**
 * Selects entities (touchpoints, connections, stages) and brings them into view: a health
 * finding or a curve point is only useful if it shows where on the map the problem is.
 */
export function centreOn(
  flow: ReactFlowInstance,
  store: JourneyStore,
  actions: JourneyActions,
  ids: readonly string[],
): void {
  const { journey } = store.getState()
  const touchpoints = new Set(journey.touchpoints.map((tp) => tp.id))
  const stages = new Set(journey.stages.map((stage) => stage.id))
  const connections = journey.connections.filter((connection) => ids.includes(connection.id))
  const chosenTouchpoints = ids.filter((id) => touchpoints.has(id))
  const chosenStage = ids.find((id) => stages.has(id)) ?? null
  const focus = new Set(chosenTouchpoints)
  for (const connection of connections) {
    focus.add(connection.source)
    focus.add(connection.target)
  }
  if (chosenTouchpoints.length > 0 || connections.length > 0) {
    actions.select({
      touchpoints: chosenTouchpoints,
      connections: connections.map((connection) => connection.id),
      stageId: null,
    })
  } else if (chosenStage) {
    actions.selectStage(chosenStage)
    focus.add(chosenStage)
  }
  if (focus.size === 0) return
  void flow.fitView({
    nodes: [...focus].map((id) => ({ id })),
    duration: FOCUS_DURATION_MS,
    padding: 0.4,
    maxZoom: 1.1,
  })
}

/**
 * Pans (never zooms) so a node this person just created is on screen; a node already visible
 * stays where it is, so the map does not jump under the pointer.
 */
export function bringIntoView(flow: ReactFlowInstance, id: string, viewport: DOMRect): void {
  const node = flow.getInternalNode(id)
  // A card out of view on a big map is not rendered, so not measured; its size is known.
  const width = node?.measured.width ?? node?.width
  const height = node?.measured.height ?? node?.height
  if (!node || !width || !height) return
  const { x, y } = node.internals.positionAbsolute
  const topLeft = flow.flowToScreenPosition({ x, y })
  const bottomRight = flow.flowToScreenPosition({ x: x + width, y: y + height })
  const visible =
    topLeft.x >= viewport.left &&
    topLeft.y >= viewport.top &&
    bottomRight.x <= viewport.right &&
    bottomRight.y <= viewport.bottom
  if (visible) return
  void flow.setCenter(x + width / 2, y + Math.min(height / 2, 200), {
    zoom: flow.getZoom(),
    duration: FOCUS_DURATION_MS,
  })
}

/**
 * Moves keyboard focus to a card that may not be rendered yet (a big map draws only what is
 * in view): brings it into view, then focuses it as soon as it is drawn.
 */
export function focusCard(flow: ReactFlowInstance, id: string, canvas: HTMLElement): void {
  bringIntoView(flow, id, canvas.getBoundingClientRect())
  const selector = `[data-testid="touchpoint-card"][data-id="${CSS.escape(id)}"]`
  const started = performance.now()
  const attempt = () => {
    const card = canvas.querySelector<HTMLElement>(selector)
    if (card) card.focus()
    else if (performance.now() - started < FOCUS_WAIT_MS) requestAnimationFrame(attempt)
  }
  attempt()
}
