import { beforeAll, describe, expect, it } from 'vitest'
import { screenshotPath, workshop } from './harness/index.js'

const room = workshop()
let templates: { id: string; name: string }[] = []

beforeAll(async () => {
  templates = await room.api.listTemplates()
})

describe('templates', () => {
  it('offers at least one template', () => {
    expect(templates.length).toBeGreaterThan(0)
  })

  it('opens a journey from every template with its cards, curve and health panel', async () => {
    for (const template of templates) {
      const id = await room.api.createJourney(template.name, template.id)
      const file = await room.api.exportJourney(id)
      const journey = file.journey as { touchpoints: unknown[] }
      for (const viewport of [
        { width: 1440, height: 900 },
        { width: 1024, height: 768 },
      ]) {
        const person = await room.arrive({ name: 'Tess', viewport }, id)
        const page = person.page
        await page.getByTestId('touchpoint-card').first().waitFor()
        const cards = await page.getByTestId('touchpoint-card').count()
        expect(cards, template.id).toBeGreaterThan(0)
        expect(cards, template.id).toBeLessThanOrEqual(journey.touchpoints.length)
        const curve = page.getByTestId('emotion-curve')
        await curve.waitFor()
        expect(await curve.locator('path').count(), `${template.id} curve`).toBeGreaterThan(0)
        // Health shares the side panel with the inspector and personas, one tab at a time.
        await page.getByTestId('tab-health').click()
        const health = page.getByTestId('health-panel')
        await health.waitFor()
        expect((await health.textContent())?.trim().length, template.id).toBeGreaterThan(0)
        await page.waitForTimeout(300)
        await page.screenshot({
          path: await screenshotPath(`template-${template.id}-${viewport.width}.png`),
        })
        expect(
          person.errors.map((error) => error.message),
          template.id,
        ).toEqual([])
        await person.context.close()
      }
    }
  })
})
