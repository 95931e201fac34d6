import { addTouchpoint, createJourneyDoc, readJourney } from '@touchline/model'
import { describe, expect, it } from 'vitest'
import { drawnPosition, layoutColumns } from './column-layout'
import { stepToNeighbourStage } from './stage-step'

function map() {
  const doc = createJourneyDoc({ title: 'Steps' })
  const [first, second] = readJourney(doc).stages
  if (!first || !second) throw new Error('default stages missing')
  const a = addTouchpoint(doc, 't', { stageId: first.id, position: { x: 40, y: 80 } })
  const b = addTouchpoint(doc, 't', { stageId: first.id, position: { x: 40, y: 400 } })
  const c = addTouchpoint(doc, 't', { stageId: second.id, position: { x: 900, y: 80 } })
  return { doc, first, second, a, b, c }
}

describe('stepToNeighbourStage', () => {
  it('moves a card into the next column at the height it is drawn, beside nothing else', () => {
    const { doc, second, b, c } = map()
    const before = readJourney(doc)
    const layout = layoutColumns(before.stages, before.touchpoints)
    const card = before.touchpoints.find((t) => t.id === b)
    if (!card) throw new Error('card missing')
    const moves = stepToNeighbourStage(layout, before.touchpoints, [b], 1)
    expect(moves).toHaveLength(1)
    expect(moves[0]?.stageId).toBe(second.id)

    const moved = before.touchpoints.map((t) =>
      t.id === b ? { ...t, stageId: second.id, position: moves[0]?.position ?? t.position } : t,
    )
    const after = layoutColumns(before.stages, moved)
    const column = after.byStage.get(second.id)
    const movedCard = moved.find((t) => t.id === b)
    const other = moved.find((t) => t.id === c)
    if (!column || !movedCard || !other) throw new Error('layout missing')
    // Same column line as the stage's own card, same height as before the move.
    expect(drawnPosition(after, movedCard).x).toBe(drawnPosition(after, other).x)
    expect(drawnPosition(after, movedCard).y).toBe(drawnPosition(layout, card).y)
  })

  it('leaves cards at the ends of the journey where they are', () => {
    const { doc, a } = map()
    const journey = readJourney(doc)
    const layout = layoutColumns(journey.stages, journey.touchpoints)
    expect(stepToNeighbourStage(layout, journey.touchpoints, [a], -1)).toEqual([])
  })

  it('keeps cards of one stage side by side when they move together', () => {
    const doc = createJourneyDoc({ title: 'Pair' })
    const [first, second] = readJourney(doc).stages
    if (!first || !second) throw new Error('default stages missing')
    const a = addTouchpoint(doc, 't', { stageId: first.id, position: { x: 40, y: 80 } })
    const b = addTouchpoint(doc, 't', { stageId: first.id, position: { x: 300, y: 80 } })
    const journey = readJourney(doc)
    const layout = layoutColumns(journey.stages, journey.touchpoints)
    const moves = stepToNeighbourStage(layout, journey.touchpoints, [a, b], 1)
    const xs = moves.map((move) => move.position?.x ?? 0)
    expect(Math.abs((xs[1] ?? 0) - (xs[0] ?? 0))).toBe(260)
    expect(moves.every((move) => move.stageId === second.id)).toBe(true)
  })
})
