import type { Position, Stage, Touchpoint } from '@touchline/model'

/**
 * Stage columns laid out side by side. A touchpoint's stored position is relative to the top
 * left of its stage's card area, so reordering stages carries their cards along and a card can
 * never sit in one column while belonging to another. All sizes are multiples of the snap grid
 * so relative positions stay on the grid too.
 */
export const GRID = 16
export const CARD_WIDTH = 240
/** A card's height before the browser has measured it. */
export const CARD_HEIGHT_ESTIMATE = 128
export const HEADER_HEIGHT = 64
export const COLUMN_PADDING = 16
export const COLUMN_GAP = 32
export const MIN_COLUMN_WIDTH = CARD_WIDTH + COLUMN_PADDING * 2
export const MIN_COLUMN_HEIGHT = 560

export interface Column {
  stage: Stage
  index: number
  x: number
  width: number
}

export interface ColumnLayout {
  columns: Column[]
  /** Shared by every column so the grid reads as a table. */
  height: number
  byStage: ReadonlyMap<string, Column>
}

function roundUp(value: number): number {
  return Math.ceil(value / GRID) * GRID
}

/** Widths grow to hold the right-most card of each stage; heights to hold the lowest card. */
export function layoutColumns(
  stages: readonly Stage[],
  touchpoints: readonly Touchpoint[],
  heights: ReadonlyMap<string, number> = new Map(),
): ColumnLayout {
  const right = new Map<string, number>()
  let bottom = 0
  for (const touchpoint of touchpoints) {
    const x = Math.max(0, touchpoint.position.x) + CARD_WIDTH
    right.set(touchpoint.stageId, Math.max(right.get(touchpoint.stageId) ?? 0, x))
    const height = heights.get(touchpoint.id) ?? CARD_HEIGHT_ESTIMATE
    bottom = Math.max(bottom, Math.max(0, touchpoint.position.y) + height)
  }
  const columns: Column[] = []
  const byStage = new Map<string, Column>()
  let x = 0
  stages.forEach((stage, index) => {
    const width = roundUp(
      Math.max(MIN_COLUMN_WIDTH, (right.get(stage.id) ?? 0) + COLUMN_PADDING * 2),
    )
    const column = { stage, index, x, width }
    columns.push(column)
    byStage.set(stage.id, column)
    x += width + COLUMN_GAP
  })
  const height = roundUp(Math.max(MIN_COLUMN_HEIGHT, HEADER_HEIGHT + bottom + COLUMN_PADDING * 3))
  return { columns, height, byStage }
}

/** Where a card is drawn on the canvas (flow coordinates). */
export function absolutePosition(layout: ColumnLayout, touchpoint: Touchpoint): Position {
  const column = layout.byStage.get(touchpoint.stageId) ?? layout.columns[0]
  return {
    x: (column?.x ?? 0) + COLUMN_PADDING + Math.max(0, touchpoint.position.x),
    y: HEADER_HEIGHT + COLUMN_PADDING + Math.max(0, touchpoint.position.y),
  }
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
 * A card dropped at a canvas position: the stage whose column holds the card's centre, and the
 * position relative to that column's card area (never above or left of it).
 */
export function placeCard(
  layout: ColumnLayout,
  absolute: Position,
  width: number = CARD_WIDTH,
): { stageId: string; position: Position } | null {
  const column = columnAt(layout, absolute.x + width / 2)
  if (!column) return null
  return {
    stageId: column.stage.id,
    position: {
      x: Math.max(0, Math.round(absolute.x - column.x - COLUMN_PADDING)),
      y: Math.max(0, Math.round(absolute.y - HEADER_HEIGHT - COLUMN_PADDING)),
    },
  }
}

/**
 * A free spot for a new card in a column: below the lowest card whose horizontal span overlaps
 * the wanted x, so creating several cards in a row never stacks them on top of each other.
 */
export function freeSlot(
  touchpoints: readonly Touchpoint[],
  stageId: string,
  heights: ReadonlyMap<string, number> = new Map(),
  x = 0,
): Position {
  let y = 0
  for (const touchpoint of touchpoints) {
    if (touchpoint.stageId !== stageId) continue
    const overlaps = Math.abs(touchpoint.position.x - x) < CARD_WIDTH
    if (!overlaps) continue
    const height = heights.get(touchpoint.id) ?? CARD_HEIGHT_ESTIMATE
    y = Math.max(y, touchpoint.position.y + height + GRID * 2)
  }
  return { x: Math.max(0, Math.round(x / GRID) * GRID), y: roundUp(y) }
}
