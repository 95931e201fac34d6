import type { EmotionCurve } from '@touchline/model'
import type { ColumnLayout } from '../canvas/column-layout'

export interface LanePoint {
  touchpointId: string
  stageId: string
  value: number
  lowest: boolean
  /** Flow x: spread evenly across the point's stage column, in reading order. */
  x: number
}

/**
 * Places the curve's points under their columns: each stage's points share its width evenly,
 * so cards stacked in one column still read as a sequence instead of one blob.
 */
export function lanePoints(curve: EmotionCurve, layout: ColumnLayout): LanePoint[] {
  const perStage = new Map<string, number>()
  for (const point of curve.points) {
    perStage.set(point.stageId, (perStage.get(point.stageId) ?? 0) + 1)
  }
  const seen = new Map<string, number>()
  const out: LanePoint[] = []
  for (const point of curve.points) {
    const column = layout.byStage.get(point.stageId)
    if (!column) continue
    const index = seen.get(point.stageId) ?? 0
    seen.set(point.stageId, index + 1)
    const count = perStage.get(point.stageId) ?? 1
    out.push({ ...point, x: column.x + ((index + 0.5) * column.width) / count })
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
