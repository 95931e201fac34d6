import { mkdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addCard,
  launchBrowser,
  openJourney,
  openPerson,
  type RunningServer,
  startServer,
  type TestApi,
  testApi,
  waitForSent,
  withoutExportTime,
} from './harness/index.js'

/** The exported image is kept for people to look at, beside the other screenshots. */
const SHOTS = process.env.TOUCHLINE_SCREENSHOTS || join(tmpdir(), 'touchline-screenshots')

let server: RunningServer
let browser: Browser
let api: TestApi

beforeAll(async () => {
  server = await startServer()
  api = testApi(server.url)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

describe('export', () => {
  it('downloads the same JSON as the server’s export', async () => {
    const templates = await api.listTemplates()
    const id = await api.createJourney('Export parity', templates[0]?.id)
    const person = await openPerson(browser, { name: 'Eve' })
    await openJourney(person, server.url, id)
    await addCard(person.page)
    await waitForSent(person.page)

    const download = person.page.waitForEvent('download')
    await person.page.getByTestId('export-json').click()
    const path = await (await download).path()
    const downloaded = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
    const fromServer = await api.exportJourney(id)

    expect(typeof downloaded.exportedAt).toBe('string')
    expect(withoutExportTime(downloaded)).toEqual(withoutExportTime(fromServer))
    expect(person.errors).toEqual([])
    await person.context.close()
  })

  it('downloads PNG and SVG images of the whole map at slide size', async () => {
    const templates = await api.listTemplates()
    const id = await api.createJourney('Slide export', templates[0]?.id)
    const person = await openPerson(browser, { name: 'Eve' })
    await openJourney(person, server.url, id)
    await person.page.getByTestId('touchpoint-card').first().waitFor()
    const titles = ((await api.exportJourney(id)).journey as { touchpoints: { title: string }[] })
      .touchpoints

    const png = person.page.waitForEvent('download')
    await person.page.getByTestId('export-png').click()
    const pngDownload = await png
    const pngFile = await readFile(await pngDownload.path())
    await mkdir(SHOTS, { recursive: true })
    await pngDownload.saveAs(join(SHOTS, 'export.png'))
    expect(pngFile.subarray(1, 4).toString('latin1')).toBe('PNG')
    // IHDR: width and height are the first two big-endian words after the chunk header.
    const width = pngFile.readUInt32BE(16)
    const height = pngFile.readUInt32BE(20)
    expect(width).toBeGreaterThanOrEqual(1920)
    expect(height).toBeGreaterThan(0)

    const svg = person.page.waitForEvent('download')
    await person.page.getByTestId('export-svg').click()
    const svgText = await readFile(await (await svg).path(), 'utf8')
    expect(svgText).toMatch(/<svg[\s>]/)
    // Every card of the map is in the image, not only those on screen.
    for (const { title } of titles) {
      const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      expect(svgText.includes(title) || svgText.includes(escaped), title).toBe(true)
    }
    expect(person.errors).toEqual([])
    await person.context.close()
  })
})
