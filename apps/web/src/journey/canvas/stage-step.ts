import type { Touchpoint, TouchpointMove } from '@touchline/model'
import { type ColumnLayout, drawnPosition } from './column-layout'

/**
 * Left/right arrow keys on selected cards: each card moves to the previous or next stage, at
 * the height it is drawn at, into that stage's left-most card column (the layout pushes it below
 * any card already there). Cards of one stage keep their side-by-side arrangement. A column
 * always hugs its cards, so a sideways nudge inside one would snap back; a stage step is the
 * sideways move a journey map means. Cards already in the first (or last) stage stay.
 */
export function stepToNeighbourStage(
  layout: ColumnLayout,
  touchpoints: readonly Touchpoint[],
  ids: readonly string[],
  direction: -1 | 1,
): TouchpointMove[] {
  const chosen = new Set(ids)
  const moving = touchpoints.filter((touchpoint) => chosen.has(touchpoint.id))
  const leftOfSelection = new Map<string, number>()
  for (const card of moving) {
    const left = leftOfSelection.get(card.stageId)
    leftOfSelection.set(card.stageId, Math.min(left ?? card.position.x, card.position.x))
  }
  const moves: TouchpointMove[] = []
  for (const card of moving) {
    const column = layout.byStage.get(card.stageId)
    const destination = column && layout.columns[column.index + direction]
    if (!destination) continue
    const staying = touchpoints.filter(
      (other) => other.stageId === destination.stage.id && !chosen.has(other.id),
    )
    const destinationLeft =
      staying.length > 0 ? Math.min(...staying.map((other) => other.position.x)) : 0
    const destinationTop = staying.length > 0 ? destination.offset.y : 0
    const drawn = drawnPosition(layout, card)
    moves.push({
      id: card.id,
      stageId: destination.stage.id,
      position: {
        x:
          destinationLeft +
          card.position.x -
          (leftOfSelection.get(card.stageId) ?? card.position.x),
        y: Math.round(drawn.y - destinationTop),
      },
    })
  }
  return moves
}
