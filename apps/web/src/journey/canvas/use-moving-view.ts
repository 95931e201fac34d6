import { type RefObject, useCallback, useRef } from 'react'

/**
 * Marks the canvas (`data-moving`) while its view pans or zooms, and the stylesheet then
 * gives the map its own compositor layer (`will-change: transform`): a pan frame moves
 * tiles already painted instead of painting the whole map again (at 2,000 touchpoints the
 * median pan frame went from two display frames to one). Only while moving: a layer kept
 * at one scale would leave the cards' text blurred after a zoom, so once the view settles
 * the map is painted afresh at its new scale. React Flow ends every move, those it was told
 * to make too (with `panOnScroll`, 150 ms after the last change). Set in `onMove` rather
 * than `onMoveStart`: an end still pending from the last move may arrive early in the next,
 * and the next frame sets it again. Set on the element directly: a re-render of the canvas
 * for each move would cost more than the layer saves.
 */
export function useMovingView<T extends HTMLElement>(): {
  ref: RefObject<T | null>
  onMove: () => void
  onMoveEnd: () => void
} {
  const ref = useRef<T>(null)
  const onMove = useCallback(() => {
    const element = ref.current
    if (element && !element.hasAttribute('data-moving')) element.setAttribute('data-moving', '')
  }, [])
  const onMoveEnd = useCallback(() => ref.current?.removeAttribute('data-moving'), [])
  return { ref, onMove, onMoveEnd }
}
