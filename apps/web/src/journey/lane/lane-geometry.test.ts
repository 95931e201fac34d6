import {
  addPersona,
  addTouchpoint,
  createJourneyDoc,
  emotionCurve,
  readJourney,
} from '@touchline/model'
import { describe, expect, it } from 'vitest'
import { layoutColumns } from '../canvas/column-layout'
import { curvePath, lanePoints, laneY, POINT_ROOM } from './lane-geometry'

describe('emotion lane geometry', () => {
  it('spreads each stage’s points across its column, in reading order', () => {
    const doc = createJourneyDoc({ title: 'Lane' })
    const persona = addPersona(doc, 'test', { name: 'CFO' })
    const first = readJourney(doc).stages[0]
    if (!first) throw new Error('no stage')
    addTouchpoint(doc, 'test', {
      stageId: first.id,
      position: { x: 0, y: 0 },
      emotions: { [persona]: 2 },
    })
    addTouchpoint(doc, 'test', {
      stageId: first.id,
      position: { x: 0, y: 200 },
      emotions: { [persona]: -1 },
    })
    const journey = readJourney(doc)
    const layout = layoutColumns(journey.stages, journey.touchpoints)
    const column = layout.byStage.get(first.id)
    if (!column) throw new Error('no column')
    const points = lanePoints(emotionCurve(journey, persona), layout)
    expect(points.map((point) => point.value)).toEqual([2, -1])
    expect(points.map((point) => point.touchpointIds.length)).toEqual([1, 1])
    expect(points[0]?.x).toBe(column.x + column.width / 4)
    expect(points[1]?.x).toBe(column.x + (column.width * 3) / 4)
    expect(points[1]?.lowest).toBe(true)
  })

  it('groups runs of neighbours where a stage has more points than room, keeping their range', () => {
    const doc = createJourneyDoc({ title: 'Crowded lane' })
    const persona = addPersona(doc, 'test', { name: 'CFO' })
    const first = readJourney(doc).stages[0]
    if (!first) throw new Error('no stage')
    const scores = Array.from({ length: 60 }, (_, i) => ((i * 5) % 7) - 3)
    scores.forEach((score, i) => {
      addTouchpoint(doc, 'test', {
        stageId: first.id,
        title: `Card ${i}`,
        position: { x: 0, y: i * 200 },
        emotions: { [persona]: score },
      })
    })
    const journey = readJourney(doc)
    const layout = layoutColumns(journey.stages, journey.touchpoints)
    const column = layout.byStage.get(first.id)
    if (!column) throw new Error('no column')
    const curve = emotionCurve(journey, persona)
    const points = lanePoints(curve, layout)
    const room = Math.floor(column.width / POINT_ROOM)
    expect(points.length).toBeLessThanOrEqual(room)
    expect(points.length).toBeGreaterThan(room / 2)
    // Every rated card is in exactly one point, in reading order.
    expect(points.flatMap((point) => point.touchpointIds)).toEqual(
      curve.points.map((point) => point.touchpointId),
    )
    const byId = new Map(curve.points.map((point) => [point.touchpointId, point.value]))
    for (const point of points) {
      const values = point.touchpointIds.map((id) => byId.get(id) ?? Number.NaN)
      expect(point.value).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length)
      expect(point.min).toBe(Math.min(...values))
      expect(point.max).toBe(Math.max(...values))
      expect(point.lowest).toBe(values.every((value) => value === -3))
      expect(point.x).toBeGreaterThan(column.x)
      expect(point.x).toBeLessThan(column.x + column.width)
    }
    const xs = points.map((point) => point.x)
    expect(xs).toEqual([...xs].sort((a, b) => a - b))
  })

  it('maps +3 to the top and -3 to the bottom, and draws through every point', () => {
    expect(laneY(3, 120, 10)).toBe(10)
    expect(laneY(-3, 120, 10)).toBe(110)
    expect(laneY(0, 120, 10)).toBe(60)
    expect(curvePath([])).toBe('')
    expect(
      curvePath([
        { x: 0, y: 5 },
        { x: 10, y: 20 },
      ]),
    ).toBe('M 0 5 C 5 5, 5 20, 10 20')
  })
})
