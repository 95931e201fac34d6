import type { TouchpointMove } from '@touchline/model'
import type { Node } from '@xyflow/react'
import { useMemo } from 'react'
import type * as Y from 'yjs'
import type { JourneyActions } from '../store/journey-actions'
import { CAPTURE_TIMEOUT_MS } from '../store/journey-store'
import { throttle } from '../util/throttle'
import { CARD_WIDTH } from './card-size'
import { type ColumnLayout, placeCard } from './column-layout'

/** Collaborators see a dragged card move at this rate; the drop itself is always written. */
const DRAG_WRITE_INTERVAL_MS = 60

function movesFor(nodes: readonly Node[], layout: ColumnLayout): TouchpointMove[] {
  const moves: TouchpointMove[] = []
  for (const node of nodes) {
    if (node.type !== 'touchpoint') continue
    const place = placeCard(layout, node.position, node.measured?.width ?? CARD_WIDTH)
    if (place) moves.push({ id: node.id, stageId: place.stageId, position: place.position })
  }
  return moves
}

export interface DragWriter {
  start(): void
  move(nodes: readonly Node[], layout: ColumnLayout): void
  end(nodes: readonly Node[], layout: ColumnLayout): void
}

/**
 * Writes dragged cards' document fields (stage and position, nothing else) to the doc during
 * the drag, throttled, and once more at the drop. The whole drag is one undo step: the undo
 * manager's capture window is held open from the first write to the last.
 */
export function useDragWriter(actions: JourneyActions, undoManager: Y.UndoManager): DragWriter {
  return useMemo(() => {
    const write = throttle(
      (moves: TouchpointMove[]) => actions.dragTouchpoints(moves),
      DRAG_WRITE_INTERVAL_MS,
    )
    return {
      start() {
        undoManager.stopCapturing()
        undoManager.captureTimeout = Number.MAX_SAFE_INTEGER
      },
      move(nodes, layout) {
        write(movesFor(nodes, layout))
      },
      end(nodes, layout) {
        write.cancel()
        actions.dragTouchpoints(movesFor(nodes, layout))
        undoManager.captureTimeout = CAPTURE_TIMEOUT_MS
        undoManager.stopCapturing()
      },
    }
  }, [actions, undoManager])
}
