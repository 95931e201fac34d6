import { emotionCurve } from '@touchline/model'
import { useMemo } from 'react'
import { ViewportLayer } from '../canvas/canvas-layers'
import type { ColumnLayout } from '../canvas/column-layout'
import { emotionColor, formatScore } from '../canvas/emotion'
import { useJourneyState } from '../store/editor-context'
import { curvePath, lanePoints, laneY } from './lane-geometry'

/** Space between the columns and the curve in a picture of the map. */
export const FIGURE_GAP = 32
export const FIGURE_HEIGHT = 196
const CAPTION = 40
const PLOT = FIGURE_HEIGHT - CAPTION
const MARGIN = 18

interface Props {
  layout: ColumnLayout
}

/**
 * The emotional curve drawn in map coordinates under the columns, for exported pictures only:
 * on screen the lane below the canvas shows it, so this stays hidden until an export shows it.
 * Its map rectangle is in data attributes, so the export can frame it with the cards.
 */
export function CurveFigure({ layout }: Props) {
  const journey = useJourneyState((state) => state.journey)
  const personaFilter = useJourneyState((state) => state.personaFilter)
  const curve = useMemo(
    () => emotionCurve(journey, personaFilter ?? undefined),
    [journey, personaFilter],
  )
  const points = useMemo(() => lanePoints(curve, layout), [curve, layout])
  const last = layout.columns[layout.columns.length - 1]
  if (!last || points.length === 0) return null
  const width = last.x + last.width
  const top = layout.height + FIGURE_GAP
  const persona = journey.personas.find((p) => p.id === personaFilter)
  const plotted = points.map((point) => ({
    point,
    x: point.x,
    y: CAPTION + laneY(point.value, PLOT, MARGIN),
  }))
  const zeroY = CAPTION + laneY(0, PLOT, MARGIN)
  const dips = points.filter((point) => point.value < 0).length
  return (
    <ViewportLayer>
      <svg
        className="curve-figure"
        data-x={0}
        data-y={top}
        data-width={width}
        data-height={FIGURE_HEIGHT}
        width={width}
        height={FIGURE_HEIGHT}
        style={{ position: 'absolute', transform: `translate(0px, ${top}px)` }}
        role="img"
        aria-label="Emotional curve"
      >
        <text className="curve-figure-title" x={0} y={22}>
          Emotional curve · {persona ? persona.name : 'all personas (mean)'} ·{' '}
          {dips === 0 ? 'no dips below zero' : `${dips} below zero`}
        </text>
        {layout.columns.map((column) => {
          const stage = curve.stages.find((entry) => entry.stageId === column.stage.id)
          return (
            <g key={column.stage.id}>
              <rect
                className={column.index % 2 === 0 ? 'lane-band' : 'lane-band lane-band-alt'}
                x={column.x}
                y={CAPTION}
                width={column.width}
                height={PLOT}
              />
              {stage?.average != null ? (
                <text
                  className={stage.lowest ? 'lane-average is-lowest' : 'lane-average'}
                  x={column.x + column.width - 8}
                  y={FIGURE_HEIGHT - 6}
                  textAnchor="end"
                >
                  avg {formatScore(stage.average)}
                </text>
              ) : null}
            </g>
          )
        })}
        <rect
          className="lane-negative"
          x={0}
          y={zeroY}
          width={width}
          height={CAPTION + PLOT - MARGIN - zeroY}
        />
        <line className="lane-zero" x1={0} x2={width} y1={zeroY} y2={zeroY} />
        {plotted.length > 1 ? <path className="lane-curve" d={curvePath(plotted)} /> : null}
        {plotted.map(({ point, x, y }) => (
          <circle
            key={point.touchpointIds[0]}
            cx={x}
            cy={y}
            r={point.value < 0 ? 7 : 6}
            stroke="white"
            strokeWidth={2}
            style={{ fill: emotionColor(point.value) }}
          />
        ))}
      </svg>
    </ViewportLayer>
  )
}
