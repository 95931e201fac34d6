import {
  applyNodeChanges,
  Background,
  BackgroundVariant,
  ConnectionMode,
  ControlButton,
  Controls,
  type EdgeChange,
  type EdgeSelectionChange,
  type Connection as FlowConnection,
  type NodeChange,
  type NodeSelectionChange,
  ReactFlow,
  type ReactFlowState,
  SelectionMode,
  useReactFlow,
  useStore,
} from '@xyflow/react'
import {
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
  useCallback,
  useMemo,
  useRef,
  useState,
} from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { CommentPins } from '../../review/comments/CommentPins'
import { useCommentTool } from '../../review/comments/use-comment-tool'
import { useReviewUi } from '../../review/ReviewUiContext'
import { MapIcon } from '../chrome/icons'
import { CurveFigure } from '../lane/CurveFigure'
import type { Peer } from '../presence/peers'
import { RemoteCursors } from '../presence/RemoteCursors'
import { useActions, useEditor, useJourneyState } from '../store/editor-context'
import { throttle } from '../util/throttle'
import { ConnectionEdge } from './ConnectionEdge'
import { CanvasLayersProvider } from './canvas-layers'
import { type ColumnLayout, GRID, layoutColumns } from './column-layout'
import type { ConnectionFlowEdge } from './connection-edge-data'
import { editCardTitle } from './edit-card-title'
import { createEdgeBuilder } from './flow-edges'
import { createNodeBuilder, type FlowNode, reconcileNodes } from './flow-nodes'
import { MapOverview } from './MapOverview'
import { peerSelections as invertPeerSelections } from './peer-selections'
import { StageColumnNode } from './StageColumnNode'
import { TouchpointNode } from './TouchpointNode'
import { useDragWriter } from './use-drag-writer'
import { useInitialView } from './use-initial-view'
import { useMinimapVisible } from './use-minimap-visible'
import { useMovingView } from './use-moving-view'
import { OVERVIEW_ZOOM } from './zoom-levels'
import './canvas.css'

const NODE_TYPES = { touchpoint: TouchpointNode, stage: StageColumnNode }
const EDGE_TYPES = { connection: ConnectionEdge }
const SNAP_GRID: [number, number] = [GRID, GRID]
const CURSOR_INTERVAL_MS = 50
const MINIMAP_SIZE = { width: 168, height: 104 }
/** As in design tools: drag on empty canvas draws a selection box; middle or right button pans. */
const PAN_BUTTONS = [1, 2]
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control']
/**
 * From this many cards on, only what is in view is rendered: a map that large cannot be read
 * whole anyway, and every rendered card costs the browser on each frame of a pan or zoom.
 * Smaller maps keep every card in the page, so Tab walks all of them.
 */
const VISIBLE_ONLY_FROM = 400

interface Props {
  awareness: Awareness
  undoManager: Y.UndoManager
  peers: readonly Peer[]
}

function isZoomedOut(state: ReactFlowState): boolean {
  return state.transform[2] < OVERVIEW_ZOOM
}

/** A picture always shows full cards, whatever the zoom on screen. */
function canvasClass(zoomedOut: boolean, exporting: boolean, commenting: boolean): string {
  if (exporting) return 'journey-canvas is-exporting'
  const classes = ['journey-canvas']
  if (zoomedOut) classes.push('is-overview')
  if (commenting) classes.push('is-commenting')
  return classes.join(' ')
}

/**
 * The controlled React Flow canvas. Nodes and edges are derived from the store; React Flow's
 * own change stream only updates the local copy (measurements, drag positions, selection),
 * and document changes go out through the actions.
 */
export function JourneyCanvas({ awareness, undoManager, peers }: Props) {
  const { store } = useEditor()
  const actions = useActions()
  const flow = useReactFlow()
  const [minimapVisible, toggleMinimap] = useMinimapVisible()
  const journey = useJourneyState((state) => state.journey)
  const selection = useJourneyState((state) => state.selection)
  const personaFilter = useJourneyState((state) => state.personaFilter)
  const readOnly = useJourneyState((state) => state.readOnly)
  const zoomedOut = useStore(isZoomedOut)
  const exporting = useJourneyState((state) => state.exporting)
  const commenting = useReviewUi((state) => state.commentMode)
  const commentTool = useCommentTool()
  const [frozenLayout, setFrozenLayout] = useState<ColumnLayout | null>(null)

  // While this person drags, the columns hold still so the card can cross into the next one;
  // the drag's own writes then need no new layout until the drop.
  const layout = useMemo(
    () => frozenLayout ?? layoutColumns(journey.stages, journey.touchpoints, journey.connections),
    [frozenLayout, journey.stages, journey.touchpoints, journey.connections],
  )
  const layoutRef = useRef(layout)
  layoutRef.current = layout

  // Cursors move many times a second; the cards only care when someone's selection changes.
  const selectionKey = peers
    .map((peer) => `${peer.clientId}:${peer.color}:${peer.name}:${peer.selection.join(',')}`)
    .join('|')
  const peersRef = useRef(peers)
  peersRef.current = peers
  // biome-ignore lint/correctness/useExhaustiveDependencies: selectionKey stands for the part of peers that matters here.
  const peerMap = useMemo(() => invertPeerSelections(peersRef.current), [selectionKey])
  const buildNodes = useMemo(createNodeBuilder, [])
  const buildEdges = useMemo(createEdgeBuilder, [])
  const built = useMemo(
    () => buildNodes({ journey, layout, selection, personaFilter, peerSelections: peerMap }),
    [buildNodes, journey, layout, selection, personaFilter, peerMap],
  )
  const edges = useMemo(
    () =>
      buildEdges({
        connections: journey.connections,
        touchpoints: journey.touchpoints,
        selected: selection.connections,
        personaFilter,
        peerSelections: peerMap,
        layout,
      }),
    [
      buildEdges,
      journey.connections,
      journey.touchpoints,
      selection,
      personaFilter,
      peerMap,
      layout,
    ],
  )

  // React Flow's own copy (measurements, drag positions) merged into the derived nodes during
  // render, so nodes and edges always come from the same store snapshot: a lag between them
  // would make React Flow report a selection the store has already replaced.
  const [local, setLocal] = useState<FlowNode[]>([])
  const nodes = useMemo(() => reconcileNodes(local, built), [local, built])
  const builtRef = useRef(built)
  builtRef.current = built

  // Selection lives in the store; React Flow's select changes (click, shift-click, box) are
  // applied to it, and the nodes and edges then show it.
  const applySelection = useCallback(
    (kind: 'touchpoints' | 'connections', changes: { id: string; selected: boolean }[]) => {
      if (changes.length === 0) return
      const current = store.getState().selection
      const ids = new Set(current[kind])
      for (const change of changes) {
        if (change.selected) ids.add(change.id)
        else ids.delete(change.id)
      }
      const next = { ...current, [kind]: [...ids] }
      if (next.touchpoints.length > 0 || next.connections.length > 0) next.stageId = null
      actions.select(next)
    },
    [actions, store],
  )

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const cardIds = new Set(store.getState().journey.touchpoints.map((tp) => tp.id))
      applySelection(
        'touchpoints',
        changes.filter(
          (change): change is NodeSelectionChange =>
            change.type === 'select' && cardIds.has(change.id),
        ),
      )
      setLocal((previous) => applyNodeChanges(changes, reconcileNodes(previous, builtRef.current)))
    },
    [applySelection, store],
  )

  const onEdgesChange = useCallback(
    (changes: EdgeChange<ConnectionFlowEdge>[]) =>
      applySelection(
        'connections',
        changes.filter((change): change is EdgeSelectionChange => change.type === 'select'),
      ),
    [applySelection],
  )

  useInitialView()
  const drag = useDragWriter(actions, undoManager)
  const onNodeDragStart = useCallback(() => {
    setFrozenLayout(layoutRef.current)
    drag.start()
  }, [drag])
  const onNodeDrag = useCallback(
    (_event: MouseEvent | TouchEvent, _node: FlowNode, dragged: FlowNode[]) =>
      drag.move(dragged, layoutRef.current),
    [drag],
  )
  const onNodeDragStop = useCallback(
    (_event: MouseEvent | TouchEvent, _node: FlowNode, dragged: FlowNode[]) => {
      drag.end(dragged, layoutRef.current)
      setFrozenLayout(null)
    },
    [drag],
  )

  // With the comment tool, a click on a card comments on it, and one on the map drops a pin.
  const onNodeClick = useCallback(
    (_event: ReactMouseEvent, node: FlowNode) => {
      if (node.type === 'touchpoint') commentTool.commentOn({ type: 'touchpoint', id: node.id })
    },
    [commentTool],
  )
  const onPaneClick = useCallback(
    (event: ReactMouseEvent) => {
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY })
      const spot = { type: 'canvas' as const, x: Math.round(point.x), y: Math.round(point.y) }
      if (!commentTool.commentOn(spot)) actions.clearSelection()
    },
    [actions, commentTool, flow],
  )

  const onNodeDoubleClick = useCallback(
    (_event: ReactMouseEvent, node: FlowNode) => {
      if (node.type === 'touchpoint') editCardTitle(actions, node.id)
    },
    [actions],
  )

  const onConnect = useCallback(
    (connection: FlowConnection) => {
      if (connection.source && connection.target) {
        actions.connect(connection.source, connection.target)
      }
    },
    [actions],
  )

  const publishCursor = useMemo(
    () =>
      throttle((point: { x: number; y: number } | null) => {
        awareness.setLocalStateField('cursor', point)
      }, CURSOR_INTERVAL_MS),
    [awareness],
  )
  // Capture phase: a card drag stops the pointer events from bubbling, yet others should still
  // see this person's cursor travel with the card.
  const onPointerMove = useCallback(
    (event: ReactPointerEvent) => {
      publishCursor(flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }))
    },
    [flow, publishCursor],
  )
  const onPointerLeave = useCallback(() => publishCursor(null), [publishCursor])

  const onDoubleClick = useCallback(
    (event: ReactMouseEvent) => {
      // Only the empty map itself: the pane also contains the cards, edges and labels.
      if (
        !(event.target instanceof Element) ||
        !event.target.classList.contains('react-flow__pane')
      ) {
        return
      }
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY })
      const inColumn = layoutRef.current.columns.some(
        (column) =>
          point.x >= column.x &&
          point.x <= column.x + column.width &&
          point.y >= 0 &&
          point.y <= layoutRef.current.height,
      )
      if (inColumn) actions.addTouchpointAt(point)
    },
    [actions, flow],
  )

  // A press on the map ends typing in a panel field, so keyboard shortcuts act on the map again.
  const onPointerDownCapture = useCallback(() => {
    const active = document.activeElement
    if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) active.blur()
  }, [])

  const moving = useMovingView<HTMLDivElement>()

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: pointer tracking for collaborators' cursors, not an interaction.
    <div
      ref={moving.ref}
      className={canvasClass(zoomedOut, exporting, commenting)}
      onPointerMoveCapture={onPointerMove}
      onPointerLeave={onPointerLeave}
      onDoubleClick={onDoubleClick}
      onPointerDownCapture={onPointerDownCapture}
    >
      <CanvasLayersProvider>
        <ReactFlow<FlowNode, ConnectionFlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStart={onNodeDragStart}
          onNodeDrag={onNodeDrag}
          onNodeDragStop={onNodeDragStop}
          onConnect={onConnect}
          onNodeClick={onNodeClick}
          onNodeDoubleClick={onNodeDoubleClick}
          onPaneClick={onPaneClick}
          onMove={moving.onMove}
          onMoveEnd={moving.onMoveEnd}
          connectionMode={ConnectionMode.Loose}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          snapToGrid
          snapGrid={SNAP_GRID}
          selectionMode={SelectionMode.Partial}
          selectionOnDrag
          selectionKeyCode={null}
          panOnDrag={PAN_BUTTONS}
          panOnScroll
          panActivationKeyCode="Space"
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          deleteKeyCode={null}
          selectNodesOnDrag={false}
          zoomOnDoubleClick={false}
          minZoom={0.15}
          maxZoom={2.5}
          attributionPosition="top-right"
          elevateNodesOnSelect
          onlyRenderVisibleElements={journey.touchpoints.length >= VISIBLE_ONLY_FROM}
          disableKeyboardA11y
        >
          <Background variant={BackgroundVariant.Dots} gap={GRID * 2} size={1.2} color="#cfd4df" />
          {minimapVisible ? <MapOverview nodes={nodes} {...MINIMAP_SIZE} /> : null}
          <Controls showInteractive={false}>
            <ControlButton
              onClick={toggleMinimap}
              title={minimapVisible ? 'Hide map overview' : 'Show map overview'}
              aria-label={minimapVisible ? 'Hide map overview' : 'Show map overview'}
              aria-pressed={minimapVisible}
              className={minimapVisible ? 'is-on' : undefined}
            >
              <MapIcon size={14} />
            </ControlButton>
          </Controls>
          <CommentPins />
          <RemoteCursors peers={peers} />
          {/* Only pictures show it: on screen it would re-render thousands of points per edit. */}
          {exporting ? <CurveFigure layout={layout} /> : null}
        </ReactFlow>
      </CanvasLayersProvider>
    </div>
  )
}
