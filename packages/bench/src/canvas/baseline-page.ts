// The baseline: a bare React Flow page (default nodes and edges, controlled the documented
// way with applyNodeChanges) showing the same graph as the Touchline canvas. Built by Vite.
import '@xyflow/react/dist/style.css'
import { applyNodeChanges, type Edge, type Node, type NodeChange, ReactFlow } from '@xyflow/react'
import { createElement, useCallback, useState } from 'react'
import { createRoot } from 'react-dom/client'

interface Graph {
  nodes: Node[]
  edges: Edge[]
}

const READABLE_ZOOM = 0.65
const MARGIN = 32

/** The view Touchline opens a large journey at: its start, at the smallest readable zoom. */
function initialViewport(nodes: readonly Node[]): { x: number; y: number; zoom: number } {
  const minX = Math.min(...nodes.map((node) => node.position.x))
  const minY = Math.min(...nodes.map((node) => node.position.y))
  return { x: MARGIN - minX * READABLE_ZOOM, y: MARGIN - minY * READABLE_ZOOM, zoom: READABLE_ZOOM }
}

function App({ graph }: { graph: Graph }) {
  const [nodes, setNodes] = useState(graph.nodes)
  const onNodesChange = useCallback(
    (changes: NodeChange[]) => setNodes((current) => applyNodeChanges(changes, current)),
    [],
  )
  return createElement(
    'div',
    { style: { width: '100vw', height: '100vh' } },
    createElement(ReactFlow, {
      nodes,
      edges: graph.edges,
      onNodesChange,
      defaultViewport: initialViewport(graph.nodes),
      minZoom: 0.15,
      maxZoom: 2.5,
      multiSelectionKeyCode: ['Shift', 'Meta', 'Control'],
    }),
  )
}

async function start(): Promise<void> {
  const size = new URLSearchParams(location.search).get('n') ?? '500'
  const response = await fetch(`/graph.json?n=${encodeURIComponent(size)}`)
  const graph = (await response.json()) as Graph
  const root = document.getElementById('root')
  if (root) createRoot(root).render(createElement(App, { graph }))
}

void start()
