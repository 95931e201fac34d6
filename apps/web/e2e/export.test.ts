import { readFile } from 'node:fs/promises'
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
})
