import { type RefObject, useCallback, useEffect, useRef } from 'react'

/** How long the view must stay still to count as settled, when no end of the move is heard. */
const SETTLED_AFTER_MS = 200

/**
 * Marks the canvas (`data-moving`) while its view pans or zooms, and the stylesheet then
 * gives the map its own compositor layer (`will-change: transform`): a pan frame moves
 * tiles already painted instead of painting the whole map again (at 2,000 touchpoints the
 * median pan frame went from two display frames to one). Only while moving: a layer kept
 * at one scale would leave the cards' text blurred after a zoom, so once the view settles
 * the map is painted afresh at its new scale. React Flow reports no end for a move it
 * was told to make (`setViewport`), hence the timer as well. Set on the element directly:
 * a re-render of the canvas for each move would cost more than the layer saves.
 */
export function useMovingView<T extends HTMLElement>(): {
  ref: RefObject<T | null>
  onMove: () => void
  onMoveEnd: () => void
} {
  const ref = useRef<T>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const onMoveEnd = useCallback(() => {
    clearTimeout(timer.current)
    ref.current?.removeAttribute('data-moving')
  }, [])
  const onMove = useCallback(() => {
    const element = ref.current
    if (element && !element.hasAttribute('data-moving')) element.setAttribute('data-moving', '')
    clearTimeout(timer.current)
    timer.current = setTimeout(onMoveEnd, SETTLED_AFTER_MS)
  }, [onMoveEnd])
  useEffect(() => () => clearTimeout(timer.current), [])
  return { ref, onMove, onMoveEnd }
}
