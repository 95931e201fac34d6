import { getBezierPath, Position } from '@xyflow/react'

export interface EdgeGeometry {
  path: string
  labelX: number
  labelY: number
  /** Width free for the label where it sits: a hop between neighbouring columns has little. */
  room: number
}

/** Free space around the columns that a connection going back can run through. */
export interface Lanes {
  /** A horizontal line below every card, inside the columns' bottom padding. */
  bottom: number
  /** The middle of the gap left of the source card's column. */
  sourceGap: number
  /** The middle of the gap left of the target card's column. */
  targetGap: number
}

/** Room given to labels whose segment is long (loops and the lane below the columns). */
const WIDE = 220
/** Radius of the corners of a route through the lanes. */
const CORNER = 12

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** Horizontal clearance before a step counts as going forward (right) or back (left). */
const CLEARANCE = 24

/**
 * A step that returns to an earlier card is drawn as a wide arc below both cards, so a nurture
 * loop reads as "keeps coming back" instead of a line cutting through the cards in between.
 */
export function loopBelow(source: Rect, target: Rect): EdgeGeometry {
  const sx = source.x + source.width / 2
  const sy = source.y + source.height
  const tx = target.x + target.width / 2
  const ty = target.y + target.height
  const drop = 70 + Math.min(160, Math.abs(sx - tx) * 0.12)
  const c = Math.max(sy, ty) + drop
  const path = `M ${sx},${sy} C ${sx},${c} ${tx},${c} ${tx},${ty}`
  // The cubic's point at t = 0.5, where the label sits.
  return { path, labelX: (sx + tx) / 2, labelY: (sy + ty) / 8 + (3 * c) / 4, room: WIDE }
}

/**
 * A step back to an earlier column runs through free space only, never behind a card: out of
 * the source's left edge into the gap beside its column, down to the lane below every card,
 * back along it, up the gap beside the target's column and into the target's left edge, where
 * the arrow lands in plain sight. The label sits on the long run along the bottom.
 */
export function backThroughLanes(source: Rect, target: Rect, lanes: Lanes): EdgeGeometry {
  const sy = source.y + source.height * 0.65
  const ty = target.y + target.height * 0.35
  const r = Math.min(CORNER, (source.x - lanes.sourceGap) / 2, (target.x - lanes.targetGap) / 2)
  const path = [
    `M ${source.x},${sy}`,
    `H ${lanes.sourceGap + r}`,
    `Q ${lanes.sourceGap},${sy} ${lanes.sourceGap},${sy + r}`,
    `V ${lanes.bottom - r}`,
    `Q ${lanes.sourceGap},${lanes.bottom} ${lanes.sourceGap - r},${lanes.bottom}`,
    `H ${lanes.targetGap + r}`,
    `Q ${lanes.targetGap},${lanes.bottom} ${lanes.targetGap},${lanes.bottom - r}`,
    `V ${ty + r}`,
    `Q ${lanes.targetGap},${ty} ${lanes.targetGap + r},${ty}`,
    `H ${target.x}`,
  ].join(' ')
  return {
    path,
    labelX: (lanes.sourceGap + lanes.targetGap) / 2,
    labelY: lanes.bottom,
    room: Math.max(0, lanes.sourceGap - lanes.targetGap - 2 * CORNER),
  }
}

/** How far a self loop hangs below its card; the column layout keeps that space free. */
export const SELF_LOOP_DEPTH = 48

/**
 * A card connected to itself (a nurture loop that repeats a step) loops out of its bottom edge
 * and back in, with its cadence under the card: inside the card's own column, where it cannot
 * run into the next stage's cards.
 */
export function selfLoop(card: Rect): EdgeGeometry {
  const centre = card.x + card.width / 2
  const bottom = card.y + card.height
  const half = 40
  const depth = SELF_LOOP_DEPTH
  const path = `M ${centre + half},${bottom} C ${centre + half + 32},${bottom + depth} ${centre - half - 32},${bottom + depth} ${centre - half},${bottom}`
  // The cubic's lowest point (t = 0.5), where the label sits.
  return { path, labelX: centre, labelY: bottom + (depth * 3) / 4, room: WIDE }
}

/**
 * Picks the sides a connection leaves and enters by from where the two cards are: right to left
 * when the target lies ahead, bottom to top (or top to bottom) within a column, and a loop below
 * when it goes back. The path always starts and ends on a card's edge.
 */
export function routeConnection(source: Rect, target: Rect, lanes?: Lanes): EdgeGeometry {
  if (source.x === target.x && source.y === target.y) return selfLoop(source)
  const sourceRight = source.x + source.width
  const targetRight = target.x + target.width
  if (target.x >= sourceRight + CLEARANCE) {
    return bezier(
      sourceRight,
      source.y + source.height / 2,
      Position.Right,
      target.x,
      target.y + target.height / 2,
      Position.Left,
    )
  }
  if (targetRight <= source.x - CLEARANCE) {
    return lanes && lanes.targetGap < lanes.sourceGap
      ? backThroughLanes(source, target, lanes)
      : loopBelow(source, target)
  }
  const sourceMid = source.x + source.width / 2
  const targetMid = target.x + target.width / 2
  if (target.y >= source.y + source.height) {
    return bezier(
      sourceMid,
      source.y + source.height,
      Position.Bottom,
      targetMid,
      target.y,
      Position.Top,
    )
  }
  if (target.y + target.height <= source.y) {
    return bezier(
      sourceMid,
      source.y,
      Position.Top,
      targetMid,
      target.y + target.height,
      Position.Bottom,
    )
  }
  return loopBelow(source, target)
}

function bezier(
  sourceX: number,
  sourceY: number,
  sourcePosition: Position,
  targetX: number,
  targetY: number,
  targetPosition: Position,
): EdgeGeometry {
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
  })
  // Between columns the label only has the gap; within a column it may span the card's width.
  const room = sourcePosition === Position.Right ? Math.abs(targetX - sourceX) : WIDE
  return { path, labelX, labelY, room }
}
