import type { EmotionCurve, EmotionPoint } from '@touchline/model'
import type { ColumnLayout } from '../canvas/column-layout'

export interface LanePoint {
  /**
   * The touchpoints the point stands for, in reading order: one, or a run of neighbours where
   * a stage holds more points than its column has room to show apart.
   */
  touchpointIds: string[]
  stageId: string
  /** The score, or the run's mean. */
  value: number
  min: number
  max: number
  /** Holds the journey's lowest score. */
  lowest: boolean
  /** Flow x: spread evenly across the point's stage column, in reading order. */
  x: number
}

/** The least room, in map units, between two points of a stage before they are grouped. */
export const POINT_ROOM = 14

function groupOf(points: readonly EmotionPoint[], x: number): Omit<LanePoint, 'stageId'> {
  let sum = 0
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  for (const point of points) {
    sum += point.value
    min = Math.min(min, point.value)
    max = Math.max(max, point.value)
  }
  return {
    touchpointIds: points.map((point) => point.touchpointId),
    value: sum / points.length,
    min,
    max,
    // A run is marked only when all of it is at the lowest score, or every run would be.
    lowest: points.every((point) => point.lowest),
    x,
  }
}

/**
 * Places the curve's points under their columns: each stage's points share its width evenly,
 * so cards stacked in one column still read as a sequence instead of one blob. A stage with
 * more points than fit `POINT_ROOM` apart shows runs of neighbours as one point (their mean,
 * with their range), so a stage of hundreds of cards stays a readable curve.
 */
export function lanePoints(curve: EmotionCurve, layout: ColumnLayout): LanePoint[] {
  const byStage = new Map<string, EmotionPoint[]>()
  for (const point of curve.points) {
    const list = byStage.get(point.stageId)
    if (list) list.push(point)
    else byStage.set(point.stageId, [point])
  }
  const out: LanePoint[] = []
  for (const column of layout.columns) {
    const points = byStage.get(column.stage.id)
    if (!points) continue
    const room = Math.max(1, Math.floor(column.width / POINT_ROOM))
    const size = Math.ceil(points.length / room)
    const groups = Math.ceil(points.length / size)
    for (let index = 0; index < groups; index++) {
      const x = column.x + ((index + 0.5) * column.width) / groups
      const group = groupOf(points.slice(index * size, (index + 1) * size), x)
      out.push({ ...group, stageId: column.stage.id })
    }
  }
  return out
}

/** Lane y for a score: +3 at the top margin, -3 at the bottom margin. */
export function laneY(value: number, height: number, margin: number): number {
  const span = height - margin * 2
  return margin + ((3 - value) / 6) * span
}

/** A smooth path through the points (monotone in x, so the curve never overshoots a score). */
export function curvePath(points: readonly { x: number; y: number }[]): string {
  const [first, ...rest] = points
  if (!first) return ''
  let path = `M ${first.x} ${first.y}`
  let previous = first
  for (const point of rest) {
    const mid = (previous.x + point.x) / 2
    path += ` C ${mid} ${previous.y}, ${mid} ${point.y}, ${point.x} ${point.y}`
    previous = point
  }
  return path
}
