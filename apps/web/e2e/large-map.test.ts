import { exportJourney, generateJourney, journeyToDoc } from '@touchline/model'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { workshop } from './harness/index.js'

const room = workshop()

const TOUCHPOINTS = 600

/** A generated map of `TOUCHPOINTS` cards, opened by a new person once its first card shows. */
async function openLargeMap(seed: number, name: string) {
  const journey = generateJourney({ touchpoints: TOUCHPOINTS, seed })
  const id = await room.api.importJourney(exportJourney(journeyToDoc(journey)))
  const person = await room.arrive({ name }, id)
  await person.page.getByTestId('touchpoint-card').first().waitFor()
  return { journey, page: person.page }
}

/** Rendered cards whose rows do not fit the card's computed height, by id. */
function overflowingCards(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="touchpoint-card"]')]
      .filter((card) => {
        const footer = card.querySelector('.card-footer')
        const title = card.querySelector<HTMLElement>('.card-title')
        if (!footer || !title) return true
        const bottom = card.getBoundingClientRect().bottom
        // The rows end inside the card, and the title shows every line it wraps to.
        return (
          footer.getBoundingClientRect().bottom > bottom + 0.5 ||
          (title.scrollHeight > title.clientHeight + 1 && title.textContent.length < 60)
        )
      })
      .map((card) => card.dataset.id ?? '?'),
  )
}

function renderedCardIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="touchpoint-card"]')].map(
      (card) => card.dataset.id ?? '',
    ),
  )
}

describe('a large map', () => {
  it('renders only the cards in view, with their connections, and cards sized before drawing', async () => {
    const { journey, page } = await openLargeMap(7, 'Lee')

    // It opens at its start, at the smallest zoom where cards read, not at wherever the
    // canvas happened to be before its cards were measured.
    await expect
      .poll(() =>
        page.evaluate(
          () => document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform,
        ),
      )
      .toMatch(/scale\(0\.65\)/)
    const first = await renderedCardIds(page)
    expect(first.length).toBeGreaterThan(0)
    expect(first.length).toBeLessThan(TOUCHPOINTS)
    expect(await overflowingCards(page)).toEqual([])

    // A connection from a card in view to one out of view is drawn all the same.
    const inView = new Set(first)
    const crossing = journey.connections.filter(
      (connection) => inView.has(connection.source) !== inView.has(connection.target),
    )
    expect(crossing.length).toBeGreaterThan(0)
    // Every such connection whose card in view is wholly on screen must be drawn.
    const check = await page.evaluate(
      (pairs) => {
        const pane = document.querySelector('.react-flow')?.getBoundingClientRect()
        if (!pane) return { eligible: 0, missing: ['no canvas'] }
        const missing: string[] = []
        let eligible = 0
        for (const { id, card } of pairs) {
          const box = document
            .querySelector(`[data-testid="touchpoint-card"][data-id="${card}"]`)
            ?.getBoundingClientRect()
          if (!box) continue
          const inside =
            box.left >= pane.left &&
            box.right <= pane.right &&
            box.top >= pane.top &&
            box.bottom <= pane.bottom
          if (!inside) continue
          eligible += 1
          if (!document.querySelector(`.react-flow__edge[data-id="${id}"] path`)) missing.push(id)
        }
        return { eligible, missing }
      },
      crossing.map((connection) => ({
        id: connection.id,
        card: inView.has(connection.source) ? connection.source : connection.target,
      })),
    )
    expect(check.eligible).toBeGreaterThan(0)
    expect(check.missing).toEqual([])

    // Scrolling brings other cards in, laid out where the layout put them.
    await page.mouse.move(600, 400)
    for (let i = 0; i < 3; i++) await page.mouse.wheel(400, 0)
    await expect
      .poll(async () => (await renderedCardIds(page)).some((id) => !inView.has(id)))
      .toBe(true)
    expect(await overflowingCards(page)).toEqual([])
  })

  it('slides the map as one layer while the view pans, and paints it afresh after', async () => {
    const { page } = await openLargeMap(9, 'Lee')
    const view = () =>
      page.evaluate(() => {
        const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')
        if (!viewport) throw new Error('no viewport')
        return { willChange: getComputedStyle(viewport).willChange, at: viewport.style.transform }
      })
    // The opening view is a move too: it settles by itself.
    await expect.poll(async () => (await view()).willChange).toBe('auto')
    const before = await view()

    await page.mouse.move(700, 120)
    await page.mouse.down({ button: 'middle' })
    await page.mouse.move(600, 100, { steps: 5 })
    const during = await view()
    expect(during.at).not.toBe(before.at)
    expect(during.willChange).toBe('transform')
    await page.mouse.up({ button: 'middle' })
    await expect.poll(async () => (await view()).willChange).toBe('auto')

    // A move the canvas is told to make (a press on the overview centres it) settles too.
    const overview = await page.getByRole('img', { name: 'Map overview' }).boundingBox()
    if (!overview) throw new Error('no map overview')
    const centred = (await view()).at
    await page.mouse.click(overview.x + overview.width * 0.7, overview.y + overview.height / 2)
    await expect.poll(async () => (await view()).at).not.toBe(centred)
    await expect.poll(async () => (await view()).willChange).toBe('auto')
  })

  it('walks every card of a stage with Tab, including those not drawn yet', async () => {
    const { journey, page } = await openLargeMap(8, 'Kim')
    const firstStage = [...journey.stages].sort((a, b) => a.order - b.order)[0]?.id
    const column = journey.touchpoints
      .filter((touchpoint) => touchpoint.stageId === firstStage)
      .sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x)
    const drawn = new Set(await renderedCardIds(page))
    // Tab on to the first card of the stage that was not drawn when the map opened.
    const steps = column.findIndex((touchpoint) => !drawn.has(touchpoint.id))
    const target = column[steps]
    if (!column[0] || !target || steps > 60) throw new Error('no card of the stage is out of view')
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-id'))

    await page.locator(`[data-testid="touchpoint-card"][data-id="${column[0].id}"]`).focus()
    for (let step = 1; step <= steps; step++) {
      await page.keyboard.press('Tab')
      await expect.poll(focused).toBe(column[step]?.id)
    }
    // Each card Tab reaches is selected, as with the mouse.
    const selected = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[data-testid="touchpoint-card"][aria-pressed="true"]')].map(
          (card) => card.getAttribute('data-id'),
        ),
      )
    await expect.poll(selected).toEqual([target.id])
  })

  it('shows the whole map in its overview; a press there brings that part into view, the wheel zooms', async () => {
    const { page } = await openLargeMap(9, 'Ada')
    const overview = page.getByRole('img', { name: 'Map overview' })
    const box = await overview.boundingBox()
    if (!box) throw new Error('no map overview')
    // The part in view is marked inside the map, at its start.
    const marked = page.locator('.map-overview-view')
    const before = await marked.boundingBox()
    if (!before) throw new Error('no marked view')
    expect(before.x).toBeGreaterThanOrEqual(box.x - 1)
    expect(before.y).toBeGreaterThanOrEqual(box.y - 1)
    const drawnBefore = new Set(await renderedCardIds(page))

    // Pressing on the far end of the drawn map moves the canvas there.
    const cards = await page.locator('.map-overview-cards').boundingBox()
    if (!cards) throw new Error('no cards in the overview')
    await page.mouse.click(cards.x + cards.width - 3, cards.y + cards.height / 2)
    await expect
      .poll(async () => (await marked.boundingBox())?.x ?? 0)
      .toBeGreaterThan(before.x + before.width)
    await expect
      .poll(
        async () => (await renderedCardIds(page)).filter((card) => !drawnBefore.has(card)).length,
      )
      .toBeGreaterThan(0)

    // The wheel over the overview zooms the canvas: up zooms in, so less of the map is marked.
    const markedWidth = async () => (await marked.boundingBox())?.width ?? 0
    const widthBefore = await markedWidth()
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.wheel(0, -200)
    await expect.poll(markedWidth).toBeLessThan(widthBefore * 0.9)
  })
})
