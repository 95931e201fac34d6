import { getBezierPath } from '@xyflow/react'

export interface EdgeGeometry {
  path: string
  labelX: number
  labelY: number
}

interface Ends {
  sourceX: number
  sourceY: number
  targetX: number
  targetY: number
}

/**
 * A nurture loop that returns to an earlier card is drawn as a wide arc below the cards, so it
 * reads as "keeps coming back" instead of a line cutting through the cards in between.
 */
export function loopPath({ sourceX, sourceY, targetX, targetY }: Ends): EdgeGeometry {
  const drop = 120 + Math.min(220, Math.abs(sourceX - targetX) * 0.12)
  const reach = 90
  const c1x = sourceX + reach
  const c1y = Math.max(sourceY, targetY) + drop
  const c2x = targetX - reach
  const c2y = c1y
  const path = `M ${sourceX},${sourceY} C ${c1x},${c1y} ${c2x},${c2y} ${targetX},${targetY}`
  // The cubic's point at t = 0.5, where the cadence label sits.
  const labelX = (sourceX + 3 * c1x + 3 * c2x + targetX) / 8
  const labelY = (sourceY + 3 * c1y + 3 * c2y + targetY) / 8
  return { path, labelX, labelY }
}

/** Forward steps curve gently between the handles; loops back go round below. */
export function connectionGeometry(ends: Ends, loopsBack: boolean): EdgeGeometry {
  if (loopsBack) return loopPath(ends)
  const [path, labelX, labelY] = getBezierPath({
    sourceX: ends.sourceX,
    sourceY: ends.sourceY,
    targetX: ends.targetX,
    targetY: ends.targetY,
  })
  return { path, labelX, labelY }
}
