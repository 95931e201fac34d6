import { emotionCurve } from '@touchline/model'
import { useReactFlow, useViewport } from '@xyflow/react'
import { type CSSProperties, useCallback, useDeferredValue, useMemo, useState } from 'react'
import { layoutColumns } from '../canvas/column-layout'
import { emotionColor, emotionWord, formatScore } from '../canvas/emotion'
import { useActions, useEditor, useJourneyState } from '../store/editor-context'
import { centreOn } from '../store/focus'
import { LanePoints } from './LanePoints'
import { type LanePoint, lanePoints, laneY } from './lane-geometry'
import './emotion-lane.css'

const HEIGHT = 148
const MARGIN = 18
/** Wider than any pan, in screen pixels. */
const CLIP_SPAN = 10_000_000

function tooltipTitle(point: LanePoint, titles: ReadonlyMap<string, string>): string {
  const [first] = point.touchpointIds
  const title = (first && titles.get(first)) ?? ''
  const more = point.touchpointIds.length - 1
  return more > 0 ? `${title} and ${more} more` : title
}

/**
 * The emotional curve under the columns, aligned with them at every pan and zoom: the chosen
 * persona's scores (or everyone's mean) in reading order, with dips below zero marked.
 */
export function EmotionLane() {
  // The curve may trail an edit by a frame: the cards show it first, then the lane catches up.
  const journey = useDeferredValue(useJourneyState((state) => state.journey))
  const personaFilter = useDeferredValue(useJourneyState((state) => state.personaFilter))
  const { store } = useEditor()
  const actions = useActions()
  const flow = useReactFlow()
  const { x: panX, zoom } = useViewport()
  const [hover, setHover] = useState<LanePoint | null>(null)

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
  const zeroY = laneY(0, HEIGHT, MARGIN)
  const persona = journey.personas.find((p) => p.id === personaFilter)
  const titles = useMemo(
    () => new Map(journey.touchpoints.map((tp) => [tp.id, tp.title])),
    [journey.touchpoints],
  )
  // The lane renders on every pan frame: what only the journey decides is worked out once.
  const stageNames = useMemo(
    () => new Map(journey.stages.map((stage) => [stage.id, stage.name])),
    [journey.stages],
  )
  const open = useCallback(
    (touchpointIds: readonly string[]) => centreOn(flow, store, actions, [...touchpointIds]),
    [flow, store, actions],
  )
  const dips = useMemo(() => curve.points.filter((point) => point.value < 0).length, [curve])

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
      <svg
        className="lane-svg"
        height={HEIGHT}
        role="img"
        aria-label="Emotion across stages"
        style={{ '--lane-zoom': zoom } as CSSProperties}
      >
        <defs>
          <clipPath id="lane-below-zero">
            {/* It cuts below the zero line only, so it spans every pan of the points' group. */}
            <rect x={-CLIP_SPAN} y={zeroY} width={2 * CLIP_SPAN} height={HEIGHT - zeroY} />
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
                  avg {formatScore(stageCurve.average)}
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
        {/* A pan moves this one group: the points inside keep their style, however many. */}
        <g style={{ transform: `translateX(${panX}px)` }}>
          <LanePoints
            points={points}
            titles={titles}
            height={HEIGHT}
            margin={MARGIN}
            onHover={setHover}
            onOpen={open}
          />
        </g>
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
          style={{
            left: toScreen(hover.x),
            top: Math.min(Math.max(laneY(hover.value, HEIGHT, MARGIN), 34), HEIGHT - 34),
          }}
          role="tooltip"
        >
          <strong>{tooltipTitle(hover, titles)}</strong>
          <span>{stageNames.get(hover.stageId)}</span>
          <span style={{ color: emotionColor(hover.value) }}>
            {hover.touchpointIds.length > 1 ? 'mean ' : ''}
            {formatScore(hover.value)} · {emotionWord(hover.value)}
          </span>
          {hover.min < hover.max ? (
            <span>
              from {formatScore(hover.min)} to {formatScore(hover.max)}
            </span>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}
