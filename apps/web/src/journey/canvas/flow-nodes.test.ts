import { addTouchpoint, createJourneyDoc, readJourney, updateTouchpoint } from '@touchline/model'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { EMPTY_SELECTION } from '../store/selection'
import { layoutColumns } from './column-layout'
import { createNodeBuilder, reconcileNodes } from './flow-nodes'

function setup() {
  const doc = createJourneyDoc({ title: 'Nodes' })
  const a = addTouchpoint(doc, 't', { title: 'A' })
  const b = addTouchpoint(doc, 't', { title: 'B' })
  return { doc, a, b }
}

function build(
  builder: ReturnType<typeof createNodeBuilder>,
  doc: Y.Doc,
  previous?: ReturnType<typeof readJourney>,
) {
  const journey = previous ?? readJourney(doc)
  return builder({
    journey,
    layout: layoutColumns(journey.stages, journey.touchpoints),
    selection: EMPTY_SELECTION,
    personaFilter: null,
    peerSelections: new Map(),
  })
}

describe('flow nodes', () => {
  it('hands React Flow the same node object for every card a change did not touch', () => {
    const { doc, a, b } = setup()
    const builder = createNodeBuilder()
    const first = readJourney(doc)
    const before = build(builder, doc, first)
    const changes = { touchpoints: new Set([a]) }
    updateTouchpoint(doc, 't', a, { title: 'A, renamed' })
    const second = readJourney(doc, {
      previous: first,
      changes: {
        personas: new Set(),
        stages: new Set(),
        connections: new Set(),
        meta: false,
        origin: 't',
        local: true,
        ...changes,
      },
    })
    const after = build(builder, doc, second)
    const find = (nodes: typeof before, id: string) => nodes.find((node) => node.id === id)
    expect(find(after, b)).toBe(find(before, b))
    expect(find(after, a)).not.toBe(find(before, a))
    for (const stage of second.stages) expect(find(after, stage.id)).toBe(find(before, stage.id))
  })

  it('keeps measurements and a local drag position when merging rebuilt nodes', () => {
    const { doc, a } = setup()
    const built = build(createNodeBuilder(), doc)
    const local = built.map((node) =>
      node.id === a
        ? {
            ...node,
            measured: { width: 240, height: 130 },
            dragging: true,
            position: { x: 999, y: 999 },
          }
        : { ...node, measured: { width: 240, height: 130 } },
    )
    const merged = reconcileNodes(local, built)
    const dragged = merged.find((node) => node.id === a)
    expect(dragged?.position).toEqual({ x: 999, y: 999 })
    expect(dragged?.measured).toEqual({ width: 240, height: 130 })
    expect(reconcileNodes(merged, built)).toBe(merged)
  })
})
