import {
  addStage,
  addTouchpoint,
  connect,
  createJourneyDoc,
  readJourney,
  removeStage,
  reorderStage,
} from '@touchline/model'
import { describe, expect, it } from 'vitest'
import { CARD_WIDTH, cardHeight } from './card-size'
import {
  CARD_SPACING,
  CARD_TOP,
  COLUMN_GAP,
  COLUMN_PADDING,
  columnAt,
  drawnPosition,
  freeSlot,
  layoutColumns,
  MIN_COLUMN_WIDTH,
  placeCard,
  SELF_LOOP_CLEARANCE,
} from './column-layout'

function journeyWithCards() {
  const doc = createJourneyDoc({ title: 'Layout' })
  const [first, second] = readJourney(doc).stages
  if (!first || !second) throw new Error('default stages missing')
  const a = addTouchpoint(doc, 't', { stageId: first.id, position: { x: 40, y: 80 } })
  const b = addTouchpoint(doc, 't', { stageId: first.id, position: { x: 340, y: 80 } })
  const c = addTouchpoint(doc, 't', { stageId: second.id, position: { x: 900, y: 240 } })
  return { doc, first, second, a, b, c }
}

describe('column layout', () => {
  it('packs columns in stage order, each as wide as its cards side by side', () => {
    const { doc, first, second } = journeyWithCards()
    const journey = readJourney(doc)
    const layout = layoutColumns(journey.stages, journey.touchpoints)
    const one = layout.byStage.get(first.id)
    const two = layout.byStage.get(second.id)
    expect(one?.x).toBe(0)
    expect(one?.width).toBeGreaterThanOrEqual(300 + CARD_WIDTH + COLUMN_PADDING * 2)
    expect(two?.x).toBe((one?.width ?? 0) + COLUMN_GAP)
    expect(two?.width).toBe(MIN_COLUMN_WIDTH)
    expect(layout.columns).toHaveLength(journey.stages.length)
    for (const column of layout.columns) expect(column.x % 16).toBe(0)
  })

  it('draws each stage’s cards as a block starting at its column’s left edge', () => {
    const { doc, a, b, c, second } = journeyWithCards()
    const journey = readJourney(doc)
    const layout = layoutColumns(journey.stages, journey.touchpoints)
    const card = (id: string) => journey.touchpoints.find((t) => t.id === id)
    const at = (id: string) => {
      const found = card(id)
      if (!found) throw new Error('missing card')
      return drawnPosition(layout, found)
    }
    expect(at(a)).toEqual({ x: COLUMN_PADDING, y: 80 })
    expect(at(b).x - at(a).x).toBe(300)
    expect(at(c).x).toBe((layout.byStage.get(second.id)?.x ?? 0) + COLUMN_PADDING)
    expect(at(c).y).toBe(240)
  })

  it('round-trips a drop: the stored position draws where the card was dropped', () => {
    const { doc, second } = journeyWithCards()
    const journey = readJourney(doc)
    const layout = layoutColumns(journey.stages, journey.touchpoints)
    const column = layout.byStage.get(second.id)
    if (!column) throw new Error('missing column')
    const drop = { x: column.x + COLUMN_PADDING, y: 400 }
    const placed = placeCard(layout, drop)
    expect(placed?.stageId).toBe(second.id)
    expect(
      placed && { x: placed.position.x + column.offset.x, y: placed.position.y + column.offset.y },
    ).toEqual(drop)
    expect(columnAt(layout, -500)?.stage.id).toBe(journey.stages[0]?.id)
    expect(columnAt(layout, 1e6)?.stage.id).toBe(journey.stages.at(-1)?.id)
    expect(placeCard(layout, { x: column.x, y: 0 })?.position.y).toBe(CARD_TOP - column.offset.y)
  })

  it('moves cards with their stage when stages are reordered, and widens a neighbour on removal', () => {
    const { doc, first, second, a, c } = journeyWithCards()
    reorderStage(doc, 't', first.id, { after: second.id })
    let journey = readJourney(doc)
    let layout = layoutColumns(journey.stages, journey.touchpoints)
    const cardA = journey.touchpoints.find((t) => t.id === a)
    const cardC = journey.touchpoints.find((t) => t.id === c)
    if (!cardA || !cardC) throw new Error('missing card')
    expect(drawnPosition(layout, cardC).x).toBeLessThan(drawnPosition(layout, cardA).x)

    const extra = addStage(doc, 't', { name: 'Extra' })
    removeStage(doc, 't', second.id, { moveTo: first.id })
    journey = readJourney(doc)
    layout = layoutColumns(journey.stages, journey.touchpoints)
    const widened = layout.byStage.get(first.id)
    expect(widened?.width).toBeGreaterThanOrEqual(900 - 40 + CARD_WIDTH)
    expect(layout.byStage.get(extra)?.width).toBe(MIN_COLUMN_WIDTH)
  })

  it('finds a free slot below the cards already in a stage', () => {
    const { doc, first, second } = journeyWithCards()
    const journey = readJourney(doc)
    const layout = layoutColumns(journey.stages, journey.touchpoints)
    const slot = freeSlot(layout, journey.touchpoints, first.id)
    expect(slot.x).toBe(40)
    expect(slot.y).toBeGreaterThan(80 + 100)
    const empty = journey.stages[3]
    if (!empty) throw new Error('missing stage')
    expect(freeSlot(layout, journey.touchpoints, empty.id)).toEqual({
      x: (layout.byStage.get(empty.id)?.x ?? 0) + COLUMN_PADDING,
      y: CARD_TOP,
    })
    expect(freeSlot(layout, journey.touchpoints, second.id).x).toBe(900)
  })
})

describe('overlapping cards', () => {
  it('draws a card that would cover the one above just below it, using its computed height', () => {
    const doc = createJourneyDoc({ title: 'Overlap' })
    const stage = readJourney(doc).stages[0]
    if (!stage) throw new Error('missing stage')
    const top = addTouchpoint(doc, 't', { stageId: stage.id, position: { x: 40, y: 80 } })
    const under = addTouchpoint(doc, 't', { stageId: stage.id, position: { x: 40, y: 160 } })
    const beside = addTouchpoint(doc, 't', { stageId: stage.id, position: { x: 340, y: 100 } })
    const journey = readJourney(doc)
    const topCard = journey.touchpoints.find((touchpoint) => touchpoint.id === top)
    if (!topCard) throw new Error('missing card')
    const layout = layoutColumns(journey.stages, journey.touchpoints)
    expect(layout.drawn.get(top)?.y).toBe(80)
    expect(layout.drawn.get(under)?.y).toBe(80 + cardHeight(topCard) + CARD_SPACING)
    expect(layout.drawn.get(beside)?.y).toBe(100)
  })

  it('keeps room below a card that loops to itself, for the loop and its label', () => {
    const doc = createJourneyDoc({ title: 'Loop' })
    const stage = readJourney(doc).stages[0]
    if (!stage) throw new Error('missing stage')
    const looped = addTouchpoint(doc, 't', { stageId: stage.id, position: { x: 40, y: 80 } })
    const under = addTouchpoint(doc, 't', { stageId: stage.id, position: { x: 40, y: 160 } })
    connect(doc, 't', { source: looped, target: looped, kind: 'nurture' })
    const journey = readJourney(doc)
    const loopedCard = journey.touchpoints.find((touchpoint) => touchpoint.id === looped)
    if (!loopedCard) throw new Error('missing card')
    const layout = layoutColumns(journey.stages, journey.touchpoints, journey.connections)
    expect(layout.drawn.get(under)?.y).toBe(
      80 + cardHeight(loopedCard) + SELF_LOOP_CLEARANCE + CARD_SPACING,
    )
  })
})
