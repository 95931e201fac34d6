import { type CSSProperties, memo } from 'react'
import { emotionColor, emotionWord, formatScore } from '../canvas/emotion'
import { curvePath, type LanePoint, laneY } from './lane-geometry'

interface Props {
  points: readonly LanePoint[]
  titles: ReadonlyMap<string, string>
  height: number
  margin: number
  onHover(point: LanePoint | null): void
  onOpen(touchpointIds: readonly string[]): void
}

function describe(point: LanePoint, titles: ReadonlyMap<string, string>): string {
  const title = (id: string | undefined) => (id && titles.get(id)) || 'Touchpoint'
  const { touchpointIds: ids } = point
  if (ids.length === 1) return `${title(ids[0])}: ${emotionWord(point.value)}`
  return (
    `${ids.length} touchpoints, ${title(ids[0])} to ${title(ids.at(-1))}: ` +
    `${emotionWord(point.value)} on average, from ${formatScore(point.min)} to ${formatScore(point.max)}`
  )
}

/**
 * The curve and its points in map x (lane y). They follow the canvas's zoom through the
 * `--lane-zoom` variable the lane sets on its svg, and its pan by the group the lane moves
 * around them, so neither renders thousands of points again and a pan restyles none of them;
 * this renders only when the curve changes.
 */
export const LanePoints = memo(function LanePoints({
  points,
  titles,
  height,
  margin,
  onHover,
  onOpen,
}: Props) {
  const plotted = points.map((point) => ({
    point,
    x: point.x,
    y: laneY(point.value, height, margin),
  }))
  const path = plotted.length > 1 ? curvePath(plotted) : null
  return (
    <>
      {path ? (
        <>
          <g className="lane-follow">
            <path className="lane-curve" d={path} />
          </g>
          {/* Clipped outside the zooming group, so the clip stays unscaled. */}
          <g clipPath="url(#lane-below-zero)">
            <g className="lane-follow">
              <path className="lane-curve lane-curve-negative" d={path} />
            </g>
          </g>
        </>
      ) : null}
      {plotted.map(({ point, x, y }) => (
        // biome-ignore lint/a11y/useSemanticElements: an SVG point has no button element.
        <g
          key={point.touchpointIds[0]}
          className={`lane-point${point.value < 0 ? ' is-dip' : ''}${point.lowest ? ' is-lowest' : ''}`}
          style={{ '--x': x, '--y': `${y}px` } as CSSProperties}
          role="button"
          tabIndex={0}
          aria-label={describe(point, titles)}
          data-touchpoint={point.touchpointIds.join(' ')}
          onPointerEnter={() => onHover(point)}
          onPointerLeave={() => onHover(null)}
          onClick={() => onOpen(point.touchpointIds)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onOpen(point.touchpointIds)
          }}
        >
          {point.min < point.max ? (
            <line
              className="lane-range"
              y1={laneY(point.max, height, margin) - y}
              y2={laneY(point.min, height, margin) - y}
            />
          ) : null}
          {point.lowest ? <circle className="lane-lowest-ring" r={11} /> : null}
          <circle r={point.value < 0 ? 6.5 : 5.5} style={{ fill: emotionColor(point.value) }} />
        </g>
      ))}
    </>
  )
})
