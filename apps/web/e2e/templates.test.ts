import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  launchBrowser,
  openJourney,
  openPerson,
  type RunningServer,
  startServer,
  type TestApi,
  testApi,
} from './harness/index.js'

let server: RunningServer
let browser: Browser
let api: TestApi
let templates: { id: string; name: string }[] = []

/** Screenshots are kept for people to look at; set TOUCHLINE_SCREENSHOTS to choose where. */
const SHOTS = process.env.TOUCHLINE_SCREENSHOTS || join(tmpdir(), 'touchline-screenshots')

beforeAll(async () => {
  server = await startServer()
  api = testApi(server.url)
  browser = await launchBrowser()
  templates = await api.listTemplates()
  await mkdir(SHOTS, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

describe('templates', () => {
  it('offers at least one template', () => {
    expect(templates.length).toBeGreaterThan(0)
  })

  it('opens a journey from every template with its cards, curve and health panel', async () => {
    for (const template of templates) {
      const id = await api.createJourney(template.name, template.id)
      const file = await api.exportJourney(id)
      const journey = file.journey as { touchpoints: unknown[] }
      for (const viewport of [
        { width: 1440, height: 900 },
        { width: 1024, height: 768 },
      ]) {
        const person = await openPerson(browser, { name: 'Tess', viewport })
        await openJourney(person, server.url, id)
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
          path: join(SHOTS, `template-${template.id}-${viewport.width}.png`),
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
