import type { CommentAnchor } from '@touchline/model'
import type { ReactFlowState } from '@xyflow/react'

/** The stage header's height (stage-column.css): a stage's threads point at its header. */
const STAGE_HEADER_HEIGHT = 64

export interface ScreenRect {
  left: number
  top: number
  width: number
  height: number
}

/**
 * Where an anchor is on screen, relative to the canvas' top left corner: the card (also for
 * one of its items), the stage's header, or the canvas spot. Read from React Flow's state, so
 * a card out of view (not rendered on a big map) has a place too. Null if it is not on the map.
 */
export function anchorRect(state: ReactFlowState, anchor: CommentAnchor): ScreenRect | null {
  const [tx, ty, zoom] = state.transform
  if (anchor.type === 'canvas') {
    return { left: anchor.x * zoom + tx, top: anchor.y * zoom + ty, width: 0, height: 0 }
  }
  const id = anchor.type === 'item' ? anchor.touchpointId : anchor.id
  const node = state.nodeLookup.get(id)
  if (!node) return null
  const width = node.measured.width ?? node.width ?? 0
  const height =
    anchor.type === 'stage' ? STAGE_HEADER_HEIGHT : (node.measured.height ?? node.height ?? 0)
  const { x, y } = node.internals.positionAbsolute
  return { left: x * zoom + tx, top: y * zoom + ty, width: width * zoom, height: height * zoom }
}

/** A rect as one string, so a selector returning it re-renders only when it moved. */
export function rectKey(rect: ScreenRect | null): string {
  return rect ? `${rect.left},${rect.top},${rect.width},${rect.height}` : ''
}

export function parseRectKey(key: string): ScreenRect | null {
  if (!key) return null
  const [left = 0, top = 0, width = 0, height = 0] = key.split(',').map(Number)
  return { left, top, width, height }
}
