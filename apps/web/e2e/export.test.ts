import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import {
  addCard,
  screenshotPath,
  waitForSent,
  withoutExportTime,
  workshop,
} from './harness/index.js'

const room = workshop()

describe('export', () => {
  it('downloads the same JSON as the server’s export', async () => {
    const templates = await room.api.listTemplates()
    const id = await room.api.createJourney('Export parity', templates[0]?.id)
    const person = await room.arrive({ name: 'Eve' }, id)
    await addCard(person.page)
    await waitForSent(person.page)

    const download = person.page.waitForEvent('download')
    await person.page.getByTestId('export-json').click()
    const path = await (await download).path()
    const downloaded = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
    const fromServer = await room.api.exportJourney(id)

    expect(typeof downloaded.exportedAt).toBe('string')
    expect(withoutExportTime(downloaded)).toEqual(withoutExportTime(fromServer))
  })

  it('downloads PNG and SVG images of the whole map at slide size', async () => {
    const templates = await room.api.listTemplates()
    const id = await room.api.createJourney('Slide export', templates[0]?.id)
    const person = await room.arrive({ name: 'Eve' }, id)
    await person.page.getByTestId('touchpoint-card').first().waitFor()
    const titles = (
      (await room.api.exportJourney(id)).journey as { touchpoints: { title: string }[] }
    ).touchpoints

    const png = person.page.waitForEvent('download')
    await person.page.getByTestId('export-png').click()
    const pngDownload = await png
    const pngFile = await readFile(await pngDownload.path())
    await pngDownload.saveAs(await screenshotPath('export.png'))
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
  })
})
