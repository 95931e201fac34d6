import * as Y from 'yjs'
import { collectionMap } from '../doc/layout.js'
import { readEntity } from '../doc/read-entities.js'
import { STAGE_ORDER_LIMIT } from '../entities/stage.js'

export interface StageSlot {
  id: string
  order: number
  map: Y.Map<unknown>
}

/** Gaps below this are re-spread first: halving doubles stops being exact after ~50 moves. */
const MIN_GAP = 1e-6

/**
 * The stages in display order (order, then id), each with the `order` that `readJourney`
 * shows, so a stage placed "after X" lands after X on screen even when another tool wrote
 * an order out of range.
 */
export function stagesInOrder(doc: Y.Doc): StageSlot[] {
  const slots: StageSlot[] = []
  collectionMap(doc, 'stages').forEach((map, id) => {
    const stage = readEntity('stages', id, map)
    if (stage && map instanceof Y.Map) slots.push({ id, map, order: stage.order })
  })
  return slots.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

export type StagePlacement = { before: string } | { after: string }

/**
 * The order number for a stage placed at `placement` among `slots` (which must not contain
 * the stage being placed): the midpoint between its new neighbours, or one past the end.
 * When the neighbours are too close, every stage is renumbered 1..n first, inside the
 * caller's transaction.
 */
export function orderFor(slots: StageSlot[], placement: StagePlacement | undefined): number {
  if (slots.length === 0) return 1
  const anchorId = placement && ('before' in placement ? placement.before : placement.after)
  const index = anchorId === undefined ? -1 : slots.findIndex((s) => s.id === anchorId)
  const insertAt =
    index === -1 || placement === undefined
      ? slots.length
      : 'before' in placement
        ? index
        : index + 1
  const prev = slots[insertAt - 1]
  const next = slots[insertAt]
  const order = !prev
    ? (next?.order ?? 1) - 1
    : !next
      ? prev.order + 1
      : next.order - prev.order > MIN_GAP
        ? (prev.order + next.order) / 2
        : Number.NaN
  if (Math.abs(order) <= STAGE_ORDER_LIMIT) return order
  // Too close to a neighbour, or past the range (after another tool wrote an extreme order).
  slots.forEach((slot, i) => {
    slot.order = i + 1
    slot.map.set('order', i + 1)
  })
  return insertAt + 0.5
}
