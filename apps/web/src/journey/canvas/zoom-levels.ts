/** Below this zoom the map switches to its overview look: bigger headers, titles only. */
export const OVERVIEW_ZOOM = 0.55

/** Below this, the full cards' text is too small to read. */
export const MIN_READABLE_ZOOM = 0.65

/** Below this, even the overview's enlarged titles are too small to read. */
export const MIN_OVERVIEW_ZOOM = 0.42

export type FirstView = { kind: 'whole'; maxZoom: number } | { kind: 'start' }

/**
 * How a journey opens, given the zoom at which the whole map fits: whole when its cards can be
 * read there, in full or in the overview look (titles only, which still shows the journey's
 * shape); otherwise, or when it has no cards yet, its first stages at a readable zoom. Between
 * the two looks the map opens in the overview look rather than as full cards too small to read.
 */
export function firstView(fitZoom: number, hasCards: boolean): FirstView {
  if (fitZoom >= MIN_READABLE_ZOOM) return { kind: 'whole', maxZoom: 1 }
  // A map without cards has no shape to show yet; its columns' hints (double-click to add)
  // only appear in the full look.
  if (hasCards && fitZoom >= MIN_OVERVIEW_ZOOM) {
    return { kind: 'whole', maxZoom: Math.min(fitZoom, OVERVIEW_ZOOM - 0.01) }
  }
  return { kind: 'start' }
}
