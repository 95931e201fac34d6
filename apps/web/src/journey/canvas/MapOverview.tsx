import { Panel, type ReactFlowState, type Rect, useReactFlow, useStore } from '@xyflow/react'
import { memo, type PointerEvent, useMemo, useRef, type WheelEvent } from 'react'
import type { FlowNode } from './flow-nodes'
import { unionRect } from './union-rect'

/** Room around the map, in map units, so cards at the edge are not cut. */
const PADDING = 60
const ZOOM_PER_WHEEL_PIXEL = 0.002

const STAGE_FILL = 'rgba(195, 201, 214, 0.35)'
const CARD_FILL = '#4f46e5'

const selectTransform = (state: ReactFlowState) => state.transform
const selectWidth = (state: ReactFlowState) => state.width
const selectHeight = (state: ReactFlowState) => state.height

function rectPath({ x, y, width, height }: Rect): string {
  return `M${x} ${y}h${width}v${height}h${-width}z`
}

/** Every card and stage as one path per fill, and the box around them all. */
function shapesOf(nodes: readonly FlowNode[]): { stages: string; cards: string; bounds: Rect } {
  let stages = ''
  let cards = ''
  let bounds: Rect | null = null
  for (const node of nodes) {
    const box = {
      x: node.position.x,
      y: node.position.y,
      width: node.width ?? 0,
      height: node.height ?? 0,
    }
    if (node.type === 'stage') stages += rectPath(box)
    else cards += rectPath(box)
    bounds = bounds ? unionRect(bounds, box) : box
  }
  return { stages, cards, bounds: bounds ?? { x: 0, y: 0, width: 1, height: 1 } }
}

const Shapes = memo(function Shapes({ stages, cards }: { stages: string; cards: string }) {
  return (
    <>
      <path d={stages} fill={STAGE_FILL} />
      <path className="map-overview-cards" d={cards} fill={CARD_FILL} />
    </>
  )
})

/**
 * The whole map in small, with the part in view marked; pressing or dragging on it centres
 * the canvas there and the wheel zooms. The map is drawn as two paths that change only with
 * the cards: a pan moves the marked part alone. (React Flow's own minimap keeps a store
 * subscription per card, which on a map of thousands ran on every frame of a pan.)
 */
export function MapOverview({
  nodes,
  width,
  height,
}: {
  nodes: readonly FlowNode[]
  width: number
  height: number
}) {
  const flow = useReactFlow()
  const [panX, panY, zoom] = useStore(selectTransform)
  const paneWidth = useStore(selectWidth)
  const paneHeight = useStore(selectHeight)
  const svg = useRef<SVGSVGElement>(null)
  const { stages, cards, bounds } = useMemo(() => shapesOf(nodes), [nodes])

  const view = {
    x: -panX / zoom,
    y: -panY / zoom,
    width: paneWidth / zoom,
    height: paneHeight / zoom,
  }
  const padded = {
    x: bounds.x - PADDING,
    y: bounds.y - PADDING,
    width: bounds.width + 2 * PADDING,
    height: bounds.height + 2 * PADDING,
  }
  const frame = unionRect(padded, view)
  // Keeps the drawn area's aspect ratio, so the mask covers exactly what the svg shows.
  const scale = Math.max(frame.width / width, frame.height / height)
  const shown = {
    x: frame.x - (width * scale - frame.width) / 2,
    y: frame.y - (height * scale - frame.height) / 2,
    width: width * scale,
    height: height * scale,
  }

  const centreAt = (event: PointerEvent<SVGSVGElement>) => {
    const matrix = svg.current?.getScreenCTM()
    if (!matrix) return
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse())
    void flow.setCenter(point.x, point.y, { zoom: flow.getZoom() })
  }

  return (
    <Panel position="bottom-right" className="map-overview nopan nowheel nodrag">
      <svg
        ref={svg}
        width={width}
        height={height}
        viewBox={`${shown.x} ${shown.y} ${shown.width} ${shown.height}`}
        role="img"
        aria-label="Map overview"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId)
          centreAt(event)
        }}
        onPointerMove={(event) => {
          if (event.currentTarget.hasPointerCapture(event.pointerId)) centreAt(event)
        }}
        onWheel={(event: WheelEvent<SVGSVGElement>) => {
          void flow.zoomTo(flow.getZoom() * Math.exp(-event.deltaY * ZOOM_PER_WHEEL_PIXEL))
        }}
      >
        <Shapes stages={stages} cards={cards} />
        <path
          className="map-overview-mask"
          d={`${rectPath(shown)}${rectPath(view)}`}
          fillRule="evenodd"
        />
        <rect
          className="map-overview-view"
          x={view.x}
          y={view.y}
          width={view.width}
          height={view.height}
        />
      </svg>
    </Panel>
  )
}
