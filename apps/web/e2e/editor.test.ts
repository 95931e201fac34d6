import { describe, expect, it } from 'vitest'
import { addCard, card, type Member, workshop } from './harness/index.js'

const room = workshop()

describe('the editor', () => {
  it('sends inspector edits to the other person as they are typed', async () => {
    const id = await room.api.createJourney('Inspector edits')
    const [ana, ben] = await Promise.all([
      room.arrive({ name: 'Ana' }, id),
      room.arrive({ name: 'Ben' }, id),
    ])
    const tp = await addCard(ana.page)
    await card(ana.page, tp).click()
    const title = ana.page.getByTestId('inspector').getByTestId('touchpoint-title')
    await title.fill('Pricing page visit')
    await expect.poll(() => card(ben.page, tp).textContent()).toContain('Pricing page visit')
  })

  it("moves a stage from its header's menu, which closes on Escape and when the map moves", async () => {
    const id = await room.api.createJourney('Stage menu')
    const { page } = await room.arrive({ name: 'Ida' }, id)
    const stages = page.getByTestId('stage-column')
    await stages.first().waitFor()
    const names = () =>
      stages.evaluateAll((columns) =>
        columns.map((column) => column.querySelector('.stage-name')?.textContent ?? ''),
      )
    const before = await names()
    expect(before.length).toBeGreaterThan(1)
    const menu = page.getByRole('menu')
    const openMenu = async () => {
      await stages.first().getByRole('button', { name: 'Stage actions' }).click()
      await menu.waitFor()
    }

    await openMenu()
    await page.keyboard.press('Escape')
    await menu.waitFor({ state: 'detached' })

    // Zooming out moves the header: the menu must not stay behind, pointing at nothing. (The
    // wheel, since a press on the map would close it anyway, as a click outside it.)
    await openMenu()
    const pane = await page.locator('.react-flow__pane').boundingBox()
    if (!pane) throw new Error('the canvas is on the page')
    // Low on the map, below the stage's empty lane, where the wheel reaches the canvas.
    await page.mouse.move(pane.x + pane.width * 0.8, pane.y + pane.height * 0.9)
    await page.keyboard.down('Control')
    await page.mouse.wheel(0, 200)
    await page.keyboard.up('Control')
    await menu.waitFor({ state: 'detached' })

    await openMenu()
    await menu.getByRole('menuitem', { name: 'Move right' }).click()
    await menu.waitFor({ state: 'detached' })
    await expect.poll(names).toEqual([before[1], before[0], ...before.slice(2)])
  })

  it('deletes with the keyboard, undoes and redoes it, and lists its shortcuts', async () => {
    const id = await room.api.createJourney('Keyboard')
    const eve = await room.arrive({ name: 'Eve' }, id)
    const tp = await addCard(eve.page)
    await card(eve.page, tp).click()
    // The editor merges edits made within 400 ms into one undo step (so typing undoes as a
    // word, not a letter); a person deleting the card they just added is slower than that.
    await eve.page.waitForTimeout(1_000)
    await eve.page.keyboard.press('Delete')
    await card(eve.page, tp).waitFor({ state: 'detached' })
    await eve.page.keyboard.press('Control+z')
    await card(eve.page, tp).waitFor()
    await eve.page.keyboard.press('Control+Shift+z')
    await card(eve.page, tp).waitFor({ state: 'detached' })

    await eve.page.keyboard.press('?')
    const overlay = eve.page.getByTestId('shortcuts-overlay')
    await overlay.waitFor()
    expect(await overlay.textContent()).toContain('Undo your last change')
    await eve.page.keyboard.press('Escape')
    await overlay.waitFor({ state: 'detached' })
  })

  it('selects the touchpoints a health finding is about', async () => {
    const templates = await room.api.listTemplates()
    let opened: Member | null = null
    for (const template of templates) {
      const id = await room.api.createJourney(template.name, template.id)
      const someone = await room.arrive({ name: `Hal ${template.id}` }, id)
      await someone.page.getByTestId('tab-health').click()
      await someone.page.getByTestId('health-panel').waitFor()
      if ((await someone.page.getByTestId('health-finding').count()) > 0) {
        opened = someone
        break
      }
    }
    if (!opened) throw new Error('no template has a health finding to click')
    await opened.page.getByTestId('health-finding').first().click()
    await opened.page.locator('[data-testid="touchpoint-card"].is-selected').first().waitFor()
  })
})
