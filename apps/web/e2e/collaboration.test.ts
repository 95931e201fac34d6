import type { WebSocketRoute } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import {
  addCard,
  card,
  cardIds,
  type Member,
  waitForSent,
  waitForState,
  workshop,
} from './harness/index.js'

const room = workshop()

// A failed outage test must not leave the server down for the tests after it.
afterEach(() => room.server.start())

/** Two people, each in their own browser context, on one fresh journey. */
async function pair(title: string): Promise<{ id: string; ana: Member; ben: Member }> {
  const id = await room.api.createJourney(title)
  const [ana, ben] = await Promise.all([
    room.arrive({ name: 'Ana', color: '#db2777' }, id),
    room.arrive({ name: 'Ben', color: '#0891b2' }, id),
  ])
  return { id, ana, ben }
}

describe('two people on one journey', () => {
  it('sees a card created by the other within a second', async () => {
    const { ana, ben } = await pair('Live cards')
    const id = await addCard(ana.page)
    const shownAt = Date.now()
    await card(ben.page, id).waitFor({ timeout: 1_000 })
    expect(Date.now() - shownAt).toBeLessThan(1_000)
  })

  it('shows the other person’s cursor and selection in their colour', async () => {
    const { ana, ben } = await pair('Presence')
    const id = await addCard(ana.page)
    await card(ben.page, id).waitFor()

    const box = await card(ana.page, id).boundingBox()
    if (!box) throw new Error('card has no box')
    await ana.page.mouse.move(box.x + box.width / 2, box.y + box.height + 60, { steps: 4 })
    const cursor = ben.page.locator('[data-testid="remote-cursor"][data-user="Ana"]')
    await cursor.waitFor()
    expect(await cursor.textContent()).toContain('Ana')

    await card(ana.page, id).click()
    const outline = card(ben.page, id).getByTestId('remote-selection')
    await outline.waitFor()
    const avatars = ben.page.getByTestId('presence-avatars')
    expect(await avatars.locator('[data-user="Ana"]').count()).toBeGreaterThan(0)

    await ana.page.keyboard.press('Escape')
    await outline.waitFor({ state: 'detached' })
  })

  it('shows a card being dragged live, and moves it to the stage it is dropped on', async () => {
    const { id: journeyId, ana, ben } = await pair('Live drag')
    const id = await addCard(ana.page)
    await card(ben.page, id).waitFor()
    await waitForSent(ana.page)
    const touchpoints = async () =>
      (
        (await room.api.exportJourney(journeyId)).journey as {
          touchpoints: { id: string; stageId: string }[]
        }
      ).touchpoints
    const from = (await touchpoints()).find((t) => t.id === id)?.stageId
    const columns = await ana.page
      .getByTestId('stage-column')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id') ?? ''))
    const target = columns[columns.indexOf(from ?? '') + 1] ?? columns[0]
    if (!target || target === from) throw new Error(`no other stage to drop on: ${columns}`)

    const grab = await card(ana.page, id).boundingBox()
    const drop = await ana.page
      .locator(`[data-testid="stage-column"][data-id="${target}"]`)
      .boundingBox()
    const seenBefore = await card(ben.page, id).boundingBox()
    if (!grab || !drop || !seenBefore) throw new Error('missing boxes')
    const start = { x: grab.x + 24, y: grab.y + 12 }
    const end = { x: drop.x + drop.width / 2, y: start.y }
    await ana.page.mouse.move(start.x, start.y)
    await ana.page.mouse.down()
    await ana.page.mouse.move((start.x + end.x) / 2, start.y, { steps: 12 })

    // Still held: Ben already sees the card away from where it was.
    await expect
      .poll(async () => (await card(ben.page, id).boundingBox())?.x ?? seenBefore.x)
      .not.toBe(seenBefore.x)
    await ana.page.mouse.move(end.x, end.y, { steps: 12 })
    await ana.page.mouse.up()

    await waitForSent(ana.page)
    await expect
      .poll(async () => (await touchpoints()).find((t) => t.id === id)?.stageId)
      .toBe(target)
  })

  it('undoes only the person’s own work', async () => {
    const { id: journeyId, ana, ben } = await pair('Per-person undo')
    const anas = await addCard(ana.page)
    await card(ben.page, anas).waitFor()
    const bens = await addCard(ben.page)
    await card(ana.page, bens).waitFor()

    await ana.page.getByTestId('undo').click()
    await card(ana.page, anas).waitFor({ state: 'detached' })
    await card(ben.page, anas).waitFor({ state: 'detached' })
    expect(await cardIds(ana.page)).toContain(bens)
    expect(await cardIds(ben.page)).toContain(bens)

    await ana.page.getByTestId('redo').click()
    await card(ben.page, anas).waitFor()
    await Promise.all([waitForSent(ana.page), waitForSent(ben.page)])
    const file = await room.api.exportJourney(journeyId)
    const ids = (file.journey as { touchpoints: { id: string }[] }).touchpoints.map((t) => t.id)
    expect(ids).toEqual(expect.arrayContaining([anas, bens]))
  })

  it('merges both sides’ edits made while the server was down', async () => {
    const { id: journeyId, ana, ben } = await pair('Offline merge')
    await room.server.stop()
    await Promise.all([waitForState(ana.page, 'offline'), waitForState(ben.page, 'offline')])

    const anas = await addCard(ana.page)
    const bens = await addCard(ben.page)
    const status = ana.page.getByTestId('connection-status')
    expect(await status.getAttribute('data-unsent')).toBe('true')
    expect(await cardIds(ana.page)).not.toContain(bens)

    await room.server.start()
    await Promise.all([waitForSent(ana.page, 30_000), waitForSent(ben.page, 30_000)])
    await card(ana.page, bens).waitFor()
    await card(ben.page, anas).waitFor()

    const file = await room.api.exportJourney(journeyId)
    const ids = (file.journey as { touchpoints: { id: string }[] }).touchpoints.map((t) => t.id)
    expect(ids).toEqual(expect.arrayContaining([anas, bens]))
  })

  it('keeps edits made offline through closing the page, and merges them on return', async () => {
    const { id: journeyId, ana, ben } = await pair('Offline reload')
    await room.server.stop()
    await waitForState(ana.page, 'offline')
    const anas = await addCard(ana.page)
    const bens = await addCard(ben.page)
    // Let y-indexeddb finish writing before the page goes away.
    await ana.page.waitForTimeout(500)
    await ana.page.close()

    await room.server.start()
    await waitForSent(ben.page, 30_000)
    const reopened = await ana.context.newPage()
    reopened.on('pageerror', (error) => ana.errors.push(error))
    await reopened.goto(`${room.server.url}/j/${journeyId}`)
    await card(reopened, anas).waitFor()
    await waitForSent(reopened, 30_000)
    await card(reopened, bens).waitFor()
    await card(ben.page, anas).waitFor()

    const file = await room.api.exportJourney(journeyId)
    const ids = (file.journey as { touchpoints: { id: string }[] }).touchpoints.map((t) => t.id)
    expect(ids).toEqual(expect.arrayContaining([anas, bens]))
  })

  it('keeps edits made while sync is down through a reload, then sends them', async () => {
    const id = await room.api.createJourney('Reload while offline')
    const cara = await room.person({ name: 'Cara' })
    // Only the sync socket fails (the page itself still loads), as behind a proxy that drops
    // WebSockets or during a sync outage.
    let blocked = false
    const open = new Set<WebSocketRoute>()
    await cara.context.routeWebSocket(/\/sync\//, (socket) => {
      if (blocked) {
        socket.close({ code: 1013, reason: 'try again later' })
        return
      }
      socket.connectToServer()
      open.add(socket)
    })
    await room.join(cara, id)

    blocked = true
    for (const socket of open) await socket.close({ code: 1013 })
    open.clear()
    await waitForState(cara.page, 'offline')
    const offlineCard = await addCard(cara.page)
    await cara.page.waitForTimeout(500)

    await cara.page.reload()
    await card(cara.page, offlineCard).waitFor()
    const status = cara.page.getByTestId('connection-status')
    expect(await status.getAttribute('data-unsent')).toBe('true')
    const stored = await room.api.exportJourney(id)
    const before = (stored.journey as { touchpoints: { id: string }[] }).touchpoints
    expect(before.map((t) => t.id)).not.toContain(offlineCard)

    blocked = false
    await waitForSent(cara.page)
    const file = await room.api.exportJourney(id)
    const ids = (file.journey as { touchpoints: { id: string }[] }).touchpoints.map((t) => t.id)
    expect(ids).toContain(offlineCard)
  })
})
