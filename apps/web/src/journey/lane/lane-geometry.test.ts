import {
  addPersona,
  addTouchpoint,
  createJourneyDoc,
  emotionCurve,
  readJourney,
} from '@touchline/model'
import { describe, expect, it } from 'vitest'
import { layoutColumns } from '../canvas/column-layout'
import { curvePath, lanePoints, laneY } from './lane-geometry'

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
    expect(points[0]?.x).toBe(column.x + column.width / 4)
    expect(points[1]?.x).toBe(column.x + (column.width * 3) / 4)
    expect(points[1]?.lowest).toBe(true)
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
