import type { CommentAnchor } from '@touchline/model'
import type { ReactFlowInstance } from '@xyflow/react'
import { centreOn } from '../../journey/store/focus'
import type { JourneyActions } from '../../journey/store/journey-actions'
import type { JourneyStore } from '../../journey/store/journey-store'
import { anchorTargets } from './anchor-place'

const FOCUS_DURATION_MS = 400

/**
 * Selects what a thread or vote item is about and brings it into view; a canvas spot has
 * nothing to select, so the map just centres on it.
 */
export function focusAnchor(
  flow: ReactFlowInstance,
  store: JourneyStore,
  actions: JourneyActions,
  anchor: CommentAnchor,
): void {
  if (anchor.type === 'canvas') {
    void flow.setCenter(anchor.x, anchor.y, { zoom: flow.getZoom(), duration: FOCUS_DURATION_MS })
    return
  }
  // Selecting a stage opens the inspector; the person stays in the list they clicked in.
  const { panel } = store.getState()
  centreOn(flow, store, actions, anchorTargets(anchor))
  actions.setPanel(panel)
}
