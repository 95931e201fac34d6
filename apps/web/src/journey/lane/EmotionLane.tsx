import { emotionCurve } from '@touchline/model'
import { useReactFlow, useViewport } from '@xyflow/react'
import { useMemo, useState } from 'react'
import { layoutColumns } from '../canvas/column-layout'
import { emotionColor, emotionWord, formatScore } from '../canvas/emotion'
import { useActions, useEditor, useJourneyState } from '../store/editor-context'
import { centreOn } from '../store/focus'
import { curvePath, type LanePoint, lanePoints, laneY } from './lane-geometry'
import './emotion-lane.css'

const HEIGHT = 148
const MARGIN = 18

interface Hover {
  point: LanePoint
  left: number
  top: number
}

/**
 * The emotional curve under the columns, aligned with them at every pan and zoom: the chosen
 * persona's scores (or everyone's mean) in reading order, with dips below zero marked.
 */
export function EmotionLane() {
  const journey = useJourneyState((state) => state.journey)
  const personaFilter = useJourneyState((state) => state.personaFilter)
  const { store } = useEditor()
  const actions = useActions()
  const flow = useReactFlow()
  const { x: panX, zoom } = useViewport()
  const [hover, setHover] = useState<Hover | null>(null)

  const layout = useMemo(
    () => layoutColumns(journey.stages, journey.touchpoints),
    [journey.stages, journey.touchpoints],
  )
  const curve = useMemo(
    () => emotionCurve(journey, personaFilter ?? undefined),
    [journey, personaFilter],
  )
  const points = useMemo(() => lanePoints(curve, layout), [curve, layout])
  const toScreen = (x: number) => x * zoom + panX
  const screenPoints = points.map((point) => ({
    point,
    x: toScreen(point.x),
    y: laneY(point.value, HEIGHT, MARGIN),
  }))
  const zeroY = laneY(0, HEIGHT, MARGIN)
  const persona = journey.personas.find((p) => p.id === personaFilter)
  const titles = new Map(journey.touchpoints.map((tp) => [tp.id, tp.title]))
  const stageNames = new Map(journey.stages.map((stage) => [stage.id, stage.name]))
  const dips = points.filter((point) => point.value < 0).length

  return (
    <section className="emotion-lane" data-testid="emotion-curve" aria-label="Emotional curve">
      <div className="lane-caption">
        <strong>Emotional curve</strong>
        <span>{persona ? persona.name : 'All personas (mean)'}</span>
        {points.length > 0 ? (
          <span className={dips > 0 ? 'lane-dips has-dips' : 'lane-dips'}>
            {dips === 0 ? 'No dips below zero' : `${dips} below zero`}
          </span>
        ) : null}
      </div>
      <svg className="lane-svg" height={HEIGHT} role="img" aria-label="Emotion across stages">
        <defs>
          <clipPath id="lane-below-zero">
            <rect x="0" y={zeroY} width="100%" height={HEIGHT - zeroY} />
          </clipPath>
        </defs>
        {layout.columns.map((column) => {
          const stageCurve = curve.stages.find((stage) => stage.stageId === column.stage.id)
          return (
            <g key={column.stage.id}>
              <rect
                className={column.index % 2 === 0 ? 'lane-band' : 'lane-band lane-band-alt'}
                x={toScreen(column.x)}
                y={0}
                width={column.width * zoom}
                height={HEIGHT}
              />
              {stageCurve?.average != null && column.width * zoom > 70 ? (
                <text
                  className={stageCurve.lowest ? 'lane-average is-lowest' : 'lane-average'}
                  x={toScreen(column.x + column.width) - 8}
                  y={HEIGHT - 6}
                  textAnchor="end"
                >
                  avg {formatScore(Math.round(stageCurve.average * 10) / 10)}
                </text>
              ) : null}
            </g>
          )
        })}
        <rect
          className="lane-negative"
          x="0"
          y={zeroY}
          width="100%"
          height={HEIGHT - MARGIN - zeroY}
        />
        {[3, -3].map((value) => (
          <line
            key={value}
            className="lane-gridline"
            x1="0"
            x2="100%"
            y1={laneY(value, HEIGHT, MARGIN)}
            y2={laneY(value, HEIGHT, MARGIN)}
          />
        ))}
        <line className="lane-zero" x1="0" x2="100%" y1={zeroY} y2={zeroY} />
        {screenPoints.length > 1 ? (
          <>
            <path className="lane-curve" d={curvePath(screenPoints)} />
            <path
              className="lane-curve lane-curve-negative"
              d={curvePath(screenPoints)}
              clipPath="url(#lane-below-zero)"
            />
          </>
        ) : null}
        {screenPoints.map(({ point, x, y }) => (
          // biome-ignore lint/a11y/useSemanticElements: an SVG point has no button element.
          <g
            key={point.touchpointId}
            className={`lane-point${point.value < 0 ? ' is-dip' : ''}${point.lowest ? ' is-lowest' : ''}`}
            transform={`translate(${x}, ${y})`}
            role="button"
            tabIndex={0}
            aria-label={`${titles.get(point.touchpointId) ?? 'Touchpoint'}: ${emotionWord(point.value)}`}
            data-touchpoint={point.touchpointId}
            onPointerEnter={() => setHover({ point, left: x, top: y })}
            onPointerLeave={() => setHover(null)}
            onClick={() => centreOn(flow, store, actions, [point.touchpointId])}
            onKeyDown={(event) => {
              if (event.key === 'Enter') centreOn(flow, store, actions, [point.touchpointId])
            }}
          >
            {point.lowest ? <circle className="lane-lowest-ring" r={11} /> : null}
            <circle r={point.value < 0 ? 6.5 : 5.5} style={{ fill: emotionColor(point.value) }} />
          </g>
        ))}
      </svg>
      {points.length === 0 ? (
        <div className="lane-empty">
          {journey.touchpoints.length === 0
            ? 'The curve appears here once touchpoints are rated for how each persona feels.'
            : `Rate how ${persona ? persona.name : 'each persona'} feels at a touchpoint (Inspector → Emotion) to draw the curve.`}
        </div>
      ) : null}
      {hover ? (
        <div
          className="lane-tooltip"
          style={{ left: hover.left, top: Math.min(Math.max(hover.top, 34), HEIGHT - 34) }}
          role="tooltip"
        >
          <strong>{titles.get(hover.point.touchpointId)}</strong>
          <span>{stageNames.get(hover.point.stageId)}</span>
          <span style={{ color: emotionColor(hover.point.value) }}>
            {formatScore(Math.round(hover.point.value * 10) / 10)} ·{' '}
            {emotionWord(hover.point.value)}
          </span>
        </div>
      ) : null}
    </section>
  )
}
