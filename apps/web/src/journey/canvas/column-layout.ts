import type { Connection, Position, Stage, Touchpoint } from '@touchline/model'
import { CARD_WIDTH, cardHeight } from './card-size'
import { SELF_LOOP_DEPTH } from './edge-paths'

/**
 * Stage columns laid out side by side, packed left to right in stage order, each as wide as its
 * cards need. A touchpoint's stored position is a canvas position; each column shifts its
 * stage's cards as one block (keeping how they sit relative to each other) so that its left-most
 * card sits at the column's left edge. Reordering or removing stages therefore never needs to
 * rewrite cards, and cards can never spill into a neighbouring column. All sizes are multiples
 * of the snap grid.
 */
export const GRID = 16
export const HEADER_HEIGHT = 64
export const COLUMN_PADDING = 16
export const COLUMN_GAP = 32
export const MIN_COLUMN_WIDTH = CARD_WIDTH + COLUMN_PADDING * 2
export const MIN_COLUMN_HEIGHT = 560
/** Where the cards of a column start, below its header. */
export const CARD_TOP = HEADER_HEIGHT + COLUMN_PADDING
/** The least vertical space between two cards in a column. */
export const CARD_SPACING = 12
/** Kept free below a card that loops to itself, for the loop and its cadence label. */
export const SELF_LOOP_CLEARANCE = SELF_LOOP_DEPTH + GRID

export interface Column {
  stage: Stage
  index: number
  x: number
  width: number
  /** Added to a stored position of this stage's cards to get where the card is drawn. */
  offset: Position
}

export interface ColumnLayout {
  columns: Column[]
  /** Where each card is drawn: its stored position shifted with its column, pushed down if it would cover a card above it. */
  drawn: ReadonlyMap<string, Position>
  /** Shared by every column so the grid reads as a table. */
  height: number
  byStage: ReadonlyMap<string, Column>
}

function roundUp(value: number): number {
  return Math.ceil(value / GRID) * GRID
}

interface Extent {
  minX: number
  maxX: number
  minY: number
}

function extents(touchpoints: readonly Touchpoint[]): Map<string, Extent> {
  const out = new Map<string, Extent>()
  for (const { stageId, position } of touchpoints) {
    const extent = out.get(stageId)
    if (!extent) {
      out.set(stageId, { minX: position.x, maxX: position.x, minY: position.y })
      continue
    }
    extent.minX = Math.min(extent.minX, position.x)
    extent.maxX = Math.max(extent.maxX, position.x)
    extent.minY = Math.min(extent.minY, position.y)
  }
  return out
}

/** The height a card takes in its column: itself, plus room for a loop hanging below it. */
function footprint(touchpoint: Touchpoint, selfLooped: ReadonlySet<string>): number {
  return cardHeight(touchpoint) + (selfLooped.has(touchpoint.id) ? SELF_LOOP_CLEARANCE : 0)
}

/**
 * Draw positions of every card: stored position plus its column's offset, then, top to bottom,
 * any card that would cover one above it (cards grow as people add an owner or personas) is
 * pushed just below it. Only the drawing moves; the next drag stores what is shown.
 */
function drawCards(
  touchpoints: readonly Touchpoint[],
  byStage: ReadonlyMap<string, Column>,
  selfLooped: ReadonlySet<string>,
): Map<string, Position> {
  const drawn = new Map<string, Position>()
  const placed = new Map<string, { x: number; bottom: number }[]>()
  const ordered = touchpoints
    .filter((touchpoint) => byStage.has(touchpoint.stageId))
    .sort(
      (a, b) =>
        a.position.y - b.position.y || a.position.x - b.position.x || (a.id < b.id ? -1 : 1),
    )
  for (const touchpoint of ordered) {
    const column = byStage.get(touchpoint.stageId)
    if (!column) continue
    const x = touchpoint.position.x + column.offset.x
    let y = touchpoint.position.y + column.offset.y
    const others = placed.get(column.stage.id) ?? []
    for (const other of others) {
      if (Math.abs(other.x - x) < CARD_WIDTH && y < other.bottom + CARD_SPACING) {
        y = other.bottom + CARD_SPACING
      }
    }
    const bottom = y + footprint(touchpoint, selfLooped)
    others.push({ x, bottom })
    placed.set(column.stage.id, others)
    drawn.set(touchpoint.id, { x, y })
  }
  return drawn
}

/**
 * Widths grow to hold each stage's cards side by side; the height holds the lowest card. Cards
 * with a self loop (given by `connections`) keep room below them for it.
 */
export function layoutColumns(
  stages: readonly Stage[],
  touchpoints: readonly Touchpoint[],
  connections: readonly Connection[] = [],
): ColumnLayout {
  const selfLooped = new Set(connections.filter((c) => c.source === c.target).map((c) => c.source))
  const byExtent = extents(touchpoints)
  const columns: Column[] = []
  const byStage = new Map<string, Column>()
  let x = 0
  stages.forEach((stage, index) => {
    const extent = byExtent.get(stage.id)
    const spread = extent ? extent.maxX - extent.minX : 0
    const width = roundUp(Math.max(MIN_COLUMN_WIDTH, spread + CARD_WIDTH + COLUMN_PADDING * 2))
    const offset = extent
      ? { x: x + COLUMN_PADDING - extent.minX, y: Math.max(0, CARD_TOP - extent.minY) }
      : { x: 0, y: 0 }
    const column = { stage, index, x, width, offset }
    columns.push(column)
    byStage.set(stage.id, column)
    x += width + COLUMN_GAP
  })
  const drawn = drawCards(touchpoints, byStage, selfLooped)
  let bottom = 0
  for (const touchpoint of touchpoints) {
    const at = drawn.get(touchpoint.id)
    if (!at) continue
    bottom = Math.max(bottom, at.y + footprint(touchpoint, selfLooped))
  }
  const height = roundUp(Math.max(MIN_COLUMN_HEIGHT, bottom + COLUMN_PADDING * 3))
  return { columns, height, byStage, drawn }
}

/** Where a card is drawn on the canvas (flow coordinates). */
export function drawnPosition(layout: ColumnLayout, touchpoint: Touchpoint): Position {
  const at = layout.drawn.get(touchpoint.id)
  if (at) return at
  const offset = layout.byStage.get(touchpoint.stageId)?.offset ?? { x: 0, y: 0 }
  return { x: touchpoint.position.x + offset.x, y: touchpoint.position.y + offset.y }
}

/** The column under a flow x coordinate; left of the first or right of the last clamps. */
export function columnAt(layout: ColumnLayout, x: number): Column | undefined {
  const { columns } = layout
  for (const column of columns) {
    if (x < column.x + column.width + COLUMN_GAP / 2) return column
  }
  return columns[columns.length - 1]
}

/**
 * A card drawn at a canvas position: the stage whose column holds the card's centre, and the
 * position to store, in that stage's frame (so the other cards of the stage stay put).
 */
export function placeCard(
  layout: ColumnLayout,
  drawn: Position,
  width: number = CARD_WIDTH,
): { stageId: string; position: Position } | null {
  const column = columnAt(layout, drawn.x + width / 2)
  if (!column) return null
  return {
    stageId: column.stage.id,
    position: {
      x: Math.round(drawn.x - column.offset.x),
      y: Math.round(Math.max(CARD_TOP, drawn.y) - column.offset.y),
    },
  }
}

/**
 * A free spot (stored position) for a new card in a stage: in the stage's left-most card
 * column, below the lowest card there, so adding several cards never stacks them.
 */
export function freeSlot(
  layout: ColumnLayout,
  touchpoints: readonly Touchpoint[],
  stageId: string,
): Position {
  const column = layout.byStage.get(stageId)
  const cards = touchpoints.filter((touchpoint) => touchpoint.stageId === stageId)
  if (!column || cards.length === 0) {
    return { x: (column?.x ?? 0) + COLUMN_PADDING, y: CARD_TOP }
  }
  const x = Math.min(...cards.map((card) => card.position.x))
  let y = Math.min(...cards.map((card) => card.position.y))
  for (const card of cards) {
    if (Math.abs(card.position.x - x) >= CARD_WIDTH) continue
    y = Math.max(y, card.position.y + cardHeight(card) + GRID * 2)
  }
  return { x, y: roundUp(y) }
}
