import type { ScreenRect } from './anchor-rect'

const GAP = 12
const MARGIN = 12

/**
 * Where the thread popover goes, in canvas coordinates: beside the anchor (right if it fits,
 * else left), level with its top, and always wholly inside the canvas, so a thread on a card
 * at the edge of the screen is still readable.
 */
export function popoverPosition(
  anchor: ScreenRect,
  popover: { width: number; height: number },
  canvas: { width: number; height: number },
): { left: number; top: number } {
  const right = anchor.left + anchor.width + GAP
  const left =
    right + popover.width <= canvas.width - MARGIN
      ? right
      : anchor.left - GAP - popover.width >= MARGIN
        ? anchor.left - GAP - popover.width
        : canvas.width - MARGIN - popover.width
  const top = Math.min(anchor.top, canvas.height - MARGIN - popover.height)
  return {
    left: Math.max(MARGIN, left),
    top: Math.max(MARGIN, top),
  }
}
