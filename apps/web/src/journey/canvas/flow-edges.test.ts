import {
  addTouchpoint,
  connect,
  createJourneyDoc,
  type Journey,
  moveTouchpoints,
  readJourney,
  updateConnection,
} from '@touchline/model'
import { describe, expect, it } from 'vitest'
import { layoutColumns } from './column-layout'
import { createEdgeBuilder } from './flow-edges'

function build(builder: ReturnType<typeof createEdgeBuilder>, journey: Journey) {
  return builder({
    connections: journey.connections,
    touchpoints: journey.touchpoints,
    selected: [],
    personaFilter: null,
    peerSelections: new Map(),
    layout: layoutColumns(journey.stages, journey.touchpoints, journey.connections),
  })
}

describe('flow edges', () => {
  it('keeps the same list while only cards move, and replaces only the edge that changed', () => {
    const doc = createJourneyDoc({ title: 'Edges' })
    const a = addTouchpoint(doc, 't', { title: 'A' })
    const b = addTouchpoint(doc, 't', { title: 'B', position: { x: 0, y: 200 } })
    const c = addTouchpoint(doc, 't', { title: 'C', position: { x: 0, y: 400 } })
    const ab = connect(doc, 't', { source: a, target: b })
    connect(doc, 't', { source: b, target: c })
    const builder = createEdgeBuilder()
    const before = readJourney(doc)
    const first = build(builder, before)
    const stageId = before.touchpoints.find((tp) => tp.id === c)?.stageId ?? ''
    moveTouchpoints(doc, 't', [{ id: c, stageId, position: { x: 0, y: 480 } }])
    // As the incremental read hands it over: new cards, the untouched connections kept.
    const moved = { ...readJourney(doc), connections: before.connections }
    expect(build(builder, moved)).toBe(first)
    updateConnection(doc, 't', ab, { label: 'Signs up' })
    const relabelled = readJourney(doc)
    const third = build(builder, {
      ...relabelled,
      connections: relabelled.connections.map((connection) =>
        connection.id === ab
          ? connection
          : (before.connections.find((old) => old.id === connection.id) ?? connection),
      ),
    })
    expect(third).not.toBe(first)
    expect(third[0]).not.toBe(first[0])
    expect(third[1]).toBe(first[1])
  })
})
