import type { Journey, Persona, Touchpoint } from '@touchline/model'
import { type Node, type NodeHandle, Position } from '@xyflow/react'
import type { Selection } from '../store/selection'
import { sameItems } from '../util/same-items'
import { CARD_WIDTH, cardHeight } from './card-size'
import { type ColumnLayout, drawnPosition } from './column-layout'
import { cardEmotion } from './emotion'
import type { StageFlowNode } from './stage-node-data'
import type { TouchpointFlowNode, TouchpointNodeData } from './touchpoint-node-data'

export type FlowNode = TouchpointFlowNode | StageFlowNode

/** Who else has an entity selected: colours and names, in the order people joined. */
export type PeerSelections = ReadonlyMap<string, { colors: string[]; names: string[] }>

export interface NodeInputs {
  journey: Journey
  layout: ColumnLayout
  selection: Selection
  personaFilter: string | null
  peerSelections: PeerSelections
}

const NO_STRINGS: readonly string[] = []
/** The card's connection handles: 12 px dots centred on its left and right edges (canvas.css). */
const HANDLE_SIZE = 12

/**
 * Where a card's handles are, so its connections can be drawn while the card itself is out of
 * view and not rendered (React Flow measures them once it is).
 */
function cardHandles(height: number): NodeHandle[] {
  const y = height / 2 - HANDLE_SIZE / 2
  const size = { width: HANDLE_SIZE, height: HANDLE_SIZE }
  return [
    { id: null, type: 'target', position: Position.Left, x: -HANDLE_SIZE / 2, y, ...size },
    {
      id: null,
      type: 'source',
      position: Position.Right,
      x: CARD_WIDTH - HANDLE_SIZE / 2,
      y,
      ...size,
    },
  ]
}

function sameData(a: TouchpointNodeData, b: TouchpointNodeData): boolean {
  return (
    a.touchpoint === b.touchpoint &&
    a.emotion === b.emotion &&
    a.dimmed === b.dimmed &&
    sameItems(a.personas, b.personas) &&
    sameItems(a.peerColors, b.peerColors) &&
    sameItems(a.peerNames, b.peerNames)
  )
}

function servedPersonas(touchpoint: Touchpoint, personas: ReadonlyMap<string, Persona>): Persona[] {
  const served: Persona[] = []
  for (const id of touchpoint.personaIds) {
    const persona = personas.get(id)
    if (persona) served.push(persona)
  }
  return served
}

/**
 * Builds React Flow nodes from the derived journey, reusing the previous node object for every
 * card whose inputs did not change, so React Flow (and the memoized card) skip it entirely.
 */
export function createNodeBuilder(): (inputs: NodeInputs) => FlowNode[] {
  let previous = new Map<string, FlowNode>()
  return ({ journey, layout, selection, personaFilter, peerSelections }) => {
    const next = new Map<string, FlowNode>()
    const nodes: FlowNode[] = []
    const counts = new Map<string, number>()
    for (const touchpoint of journey.touchpoints) {
      counts.set(touchpoint.stageId, (counts.get(touchpoint.stageId) ?? 0) + 1)
    }
    for (const column of layout.columns) {
      const { stage } = column
      const selected = selection.stageId === stage.id
      const peerColor = peerSelections.get(stage.id)?.colors[0] ?? null
      const old = previous.get(stage.id)
      const data = {
        stage,
        index: column.index,
        stageCount: layout.columns.length,
        touchpointCount: counts.get(stage.id) ?? 0,
        selected,
        peerColor,
      }
      const reusable =
        old?.type === 'stage' &&
        old.position.x === column.x &&
        old.width === column.width &&
        old.height === layout.height &&
        old.data.stage === stage &&
        old.data.index === data.index &&
        old.data.stageCount === data.stageCount &&
        old.data.touchpointCount === data.touchpointCount &&
        old.data.selected === selected &&
        old.data.peerColor === peerColor
      const node: StageFlowNode = reusable
        ? old
        : {
            id: stage.id,
            type: 'stage',
            position: { x: column.x, y: 0 },
            width: column.width,
            height: layout.height,
            data,
            draggable: false,
            selectable: false,
            connectable: false,
            focusable: false,
            zIndex: -1,
          }
      next.set(stage.id, node)
      nodes.push(node)
    }

    const personas = new Map(journey.personas.map((persona) => [persona.id, persona]))
    const selectedCards = new Set(selection.touchpoints)
    for (const touchpoint of readingOrder(journey.touchpoints, layout)) {
      const peers = peerSelections.get(touchpoint.id)
      const old = previous.get(touchpoint.id)
      const candidate: TouchpointNodeData = {
        touchpoint,
        personas: servedPersonas(touchpoint, personas),
        emotion: cardEmotion(touchpoint, personaFilter),
        dimmed: personaFilter !== null && !touchpoint.personaIds.includes(personaFilter),
        peerColors: peers?.colors ?? NO_STRINGS,
        peerNames: peers?.names ?? NO_STRINGS,
      }
      const data =
        old?.type === 'touchpoint' && sameData(old.data, candidate) ? old.data : candidate
      const position = drawnPosition(layout, touchpoint)
      const selected = selectedCards.has(touchpoint.id)
      const height = cardHeight(touchpoint)
      // A known size lets React Flow draw the card and its connections before measuring it.
      const node: TouchpointFlowNode =
        old?.type === 'touchpoint' &&
        old.data === data &&
        old.selected === selected &&
        old.height === height &&
        old.position.x === position.x &&
        old.position.y === position.y
          ? old
          : {
              id: touchpoint.id,
              type: 'touchpoint',
              position,
              data,
              selected,
              width: CARD_WIDTH,
              height,
              handles: old?.height === height ? old.handles : cardHandles(height),
            }
      next.set(touchpoint.id, node)
      nodes.push(node)
    }
    previous = next
    return inTabOrder(nodes, layout)
  }
}

/**
 * Each stage's header followed by its cards: the DOM order, so Tab goes through a stage's cards
 * before moving on to the next stage. Painting order is set by z-index, not by this order.
 */
function inTabOrder(nodes: FlowNode[], layout: ColumnLayout): FlowNode[] {
  const columnOf = (node: FlowNode) =>
    layout.byStage.get(node.type === 'stage' ? node.id : node.data.touchpoint.stageId)?.index ?? 0
  // Stable: cards keep their reading order within a column.
  return nodes
    .map((node, order) => ({ node, order, column: columnOf(node) }))
    .sort(
      (a, b) =>
        a.column - b.column ||
        (a.node.type === 'stage' ? 0 : 1) - (b.node.type === 'stage' ? 0 : 1) ||
        a.order - b.order,
    )
    .map((entry) => entry.node)
}

/**
 * Cards stage by stage, top to bottom: the order of the DOM, so Tab walks the map the way it
 * is read. Cards of stages not laid out (none, normally) are left out.
 */
function readingOrder(touchpoints: readonly Touchpoint[], layout: ColumnLayout): Touchpoint[] {
  const placed = touchpoints.flatMap((touchpoint) => {
    const column = layout.byStage.get(touchpoint.stageId)
    return column
      ? [{ touchpoint, column: column.index, at: drawnPosition(layout, touchpoint) }]
      : []
  })
  placed.sort((a, b) => a.column - b.column || a.at.y - b.at.y || a.at.x - b.at.x)
  return placed.map((entry) => entry.touchpoint)
}

function sameNode(a: Node, b: FlowNode): boolean {
  return (
    a.type === b.type &&
    a.data === b.data &&
    a.selected === b.selected &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.width === b.width &&
    a.height === b.height
  )
}

/**
 * Merges freshly built nodes into React Flow's local copy: the browser's measurements are kept
 * (React Flow hides unmeasured nodes), and a card this person is dragging keeps its local
 * position, which is ahead of the throttled one in the doc. Unchanged nodes keep their identity.
 */
export function reconcileNodes(local: readonly Node[], built: readonly FlowNode[]): FlowNode[] {
  const byId = new Map(local.map((node) => [node.id, node]))
  const out = built.map((node): FlowNode => {
    const current = byId.get(node.id)
    if (!current) return node
    if (current.dragging) {
      const unchanged = current.data === node.data && current.selected === node.selected
      if (unchanged) return current as FlowNode
      return { ...node, position: current.position, dragging: true, measured: current.measured }
    }
    if (!current.measured) return node
    if (sameNode(current, node)) return current as FlowNode
    return { ...node, measured: current.measured }
  })
  return sameItems(out, local) ? (local as FlowNode[]) : out
}
