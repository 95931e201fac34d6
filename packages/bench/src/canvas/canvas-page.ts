// One canvas page under measurement (Touchline's editor or the bare React Flow page): first
// full render, then frame times during a scripted pan, zoom and 50-card drag.
import type { Page } from 'playwright-core'
import { LatencyHistogram } from '../stats/latency-histogram.js'
import {
  cardCentreScript,
  PANE_POINT,
  START_FRAMES,
  STOP_FRAMES,
  settleScript,
  VIEWPORT_TRANSFORM,
  visibleCardsScript,
} from './page-scripts.js'

export interface FrameTimes {
  frames: number
  p50: number
  p95: number
  max: number
}

export interface PageMeasurement {
  /** ms from navigation start until the rendered cards and edges stopped changing. */
  firstFullRenderMs: number
  cards: number
  edges: number
  pan: FrameTimes
  zoom: FrameTimes
  drag: FrameTimes & { cardsDragged: number }
}

interface Point {
  x: number
  y: number
}

interface CardPoint extends Point {
  id: string
}

const STEP_WAIT_MS = 16
const DRAG_CARDS = 50
const SETTLE_TIMEOUT_MS = 60_000

function frameTimes(deltas: readonly number[]): FrameTimes {
  const histogram = new LatencyHistogram()
  for (const delta of deltas) histogram.recordMs(delta)
  return {
    frames: deltas.length,
    p50: histogram.percentileMs(50),
    p95: histogram.percentileMs(95),
    max: histogram.summary().max,
  }
}

async function recordFrames(page: Page, action: () => Promise<void>): Promise<FrameTimes> {
  await page.evaluate(START_FRAMES)
  await action()
  const deltas: number[] = await page.evaluate(STOP_FRAMES)
  return frameTimes(deltas)
}

/**
 * Presses at `from`, moves in `steps` input events about a frame apart, runs `whileHeld` (to
 * see where things are before the drop), releases.
 */
async function dragAlong(
  page: Page,
  from: Point,
  move: { dx: number; dy: number; steps: number },
  button: 'left' | 'middle',
  whileHeld: () => Promise<void> = async () => {},
) {
  const { dx, dy, steps } = move
  await page.mouse.move(from.x, from.y)
  await page.mouse.down({ button })
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + (dx * i) / steps, from.y + (dy * i) / steps)
    await page.waitForTimeout(STEP_WAIT_MS)
  }
  await whileHeld()
  await page.mouse.up({ button })
}

export async function measurePage(
  page: Page,
  url: string,
  cardSelector: string,
  steps: number,
): Promise<PageMeasurement> {
  await page.goto(url)
  const settled: { settled: boolean; renderedAt: number; cards: number; edges: number } =
    await page.evaluate(settleScript(cardSelector, SETTLE_TIMEOUT_MS))
  if (!settled.settled) {
    throw new Error(
      `${url}: the canvas did not settle within ${SETTLE_TIMEOUT_MS} ms (${settled.cards} cards, ${settled.edges} edges in the DOM)`,
    )
  }
  const pane: Point | null = await page.evaluate(PANE_POINT)
  if (!pane) throw new Error(`${url}: found no empty pane to pan on`)
  // Out and back, so the view ends where it started. The middle button pans on both pages:
  // a left drag on empty canvas draws a selection box in Touchline's editor.
  const viewBefore = await page.evaluate<string>(VIEWPORT_TRANSFORM)
  let viewPanned = ''
  const pan = await recordFrames(page, async () => {
    const half = Math.max(1, Math.round(steps / 2))
    await dragAlong(page, pane, { dx: -300, dy: -150, steps: half }, 'middle')
    viewPanned = await page.evaluate<string>(VIEWPORT_TRANSFORM)
    await dragAlong(
      page,
      { x: pane.x - 300, y: pane.y - 150 },
      { dx: 300, dy: 150, steps: half },
      'middle',
    )
  })
  if (viewPanned === viewBefore) throw new Error(`${url}: the pan gesture did not move the view`)
  // Control+wheel is a pinch zoom, which zooms even where the wheel alone pans.
  const zoom = await recordFrames(page, async () => {
    await page.mouse.move(pane.x, pane.y)
    await page.keyboard.down('Control')
    for (let i = 0; i < steps; i++) {
      await page.mouse.wheel(0, i < steps / 2 ? -60 : 60)
      await page.waitForTimeout(STEP_WAIT_MS)
    }
    await page.keyboard.up('Control')
  })
  // Zoom out until 50 cards are in view, select them (Control+click adds to the selection on
  // both pages), then drag them together.
  let cards: CardPoint[] = await page.evaluate(visibleCardsScript(cardSelector, DRAG_CARDS))
  for (let i = 0; i < 20 && cards.length < DRAG_CARDS; i++) {
    const spot: Point = (await page.evaluate(PANE_POINT)) ?? pane
    await page.mouse.move(spot.x, spot.y)
    await page.keyboard.down('Control')
    await page.mouse.wheel(0, 100)
    await page.keyboard.up('Control')
    await page.waitForTimeout(100)
    cards = await page.evaluate(visibleCardsScript(cardSelector, DRAG_CARDS))
  }
  const grab = cards.at(-1)
  if (!grab) throw new Error(`${url}: no card in view to drag`)
  await page.keyboard.down('Control')
  for (const card of cards) await page.mouse.click(card.x, card.y)
  await page.keyboard.up('Control')
  const before = await page.evaluate<Point | null>(cardCentreScript(grab.id))
  let held: Point | null = null
  const drag = await recordFrames(page, async () => {
    await dragAlong(page, grab, { dx: 160, dy: 90, steps }, 'left', async () => {
      held = await page.evaluate<Point | null>(cardCentreScript(grab.id))
    })
  })
  // A drag that did not move the card measured nothing: fail rather than report it. Where the
  // card lands after the drop is the page's business (Touchline snaps it into a stage column).
  const moved = held as Point | null
  if (!before || !moved || Math.hypot(moved.x - before.x - 160, moved.y - before.y - 90) > 40) {
    throw new Error(
      `${url}: the dragged card did not follow the pointer (from ${JSON.stringify(before)} to ${JSON.stringify(moved)})`,
    )
  }
  return {
    firstFullRenderMs: settled.renderedAt,
    cards: settled.cards,
    edges: settled.edges,
    pan,
    zoom,
    drag: { ...drag, cardsDragged: cards.length },
  }
}
