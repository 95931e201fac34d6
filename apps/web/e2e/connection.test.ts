import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  launchBrowser,
  mintToken,
  openJourney,
  openPerson,
  type RunningServer,
  startServer,
  testApi,
} from './harness/index.js'

const SECRET = 'e2e-secret-0123456789abcdef'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

function refusal(page: import('playwright-core').Page, code: number) {
  return page.locator(`[data-testid="connection-status"][data-refused="${code}"]`)
}

describe('a journey the server refuses', () => {
  let server: RunningServer

  beforeAll(async () => {
    server = await startServer()
  })

  afterAll(async () => {
    await server?.dispose()
  })

  it('says that an unknown journey does not exist and stops retrying', async () => {
    const person = await openPerson(browser, { name: 'Uma' })
    let sockets = 0
    person.page.on('websocket', () => {
      sockets += 1
    })
    await person.page.goto(`${server.url}/j/no_such_journey`)
    const message = person.page.getByTestId('full-page-message')
    await message.waitFor()
    expect(await message.textContent()).toContain('Journey not found')
    expect(await message.textContent()).toContain('There is no journey at this address')
    const attempts = sockets
    // The stock client's back-off would have retried within this time.
    await person.page.waitForTimeout(1_500)
    expect(sockets).toBe(attempts)
    await message.getByRole('link', { name: 'Go to journeys' }).click()
    await person.page.getByTestId('new-journey').waitFor()
    await person.context.close()
  })

  it('tells people who have a journey open that it was deleted', async () => {
    const api = testApi(server.url)
    const id = await api.createJourney('Soon deleted')
    const person = await openPerson(browser, { name: 'Dee' })
    await openJourney(person, server.url, id)
    await api.deleteJourney(id)
    await refusal(person.page, 4410).waitFor()
    expect(await person.page.getByText('Someone deleted this journey').count()).toBe(1)
    await person.context.close()
  })
})

describe('a server that requires tokens', () => {
  let server: RunningServer

  beforeAll(async () => {
    server = await startServer({ TOUCHLINE_SECRET: SECRET })
  })

  afterAll(async () => {
    await server?.dispose()
  })

  it('connects with the share link’s token and explains a link that grants nothing', async () => {
    const admin = testApi(server.url, await mintToken(SECRET, '*', 'editor'))
    const id = await admin.createJourney('Shared by link')
    const other = await admin.createJourney('Someone else’s')
    const token = await mintToken(SECRET, id, 'editor')

    const person = await openPerson(browser, { name: 'Lin' })
    await person.page.goto(`${server.url}/j/${id}?token=${encodeURIComponent(token)}`)
    await person.page
      .locator('[data-testid="connection-status"][data-state="connected"]')
      .waitFor({ timeout: 15_000 })

    await person.page.goto(`${server.url}/j/${other}?token=${encodeURIComponent(token)}`)
    const message = person.page.getByTestId('full-page-message')
    await message.waitFor({ timeout: 20_000 })
    expect(await message.textContent()).toContain('Access denied')
    expect(await message.textContent()).toContain('This link does not grant access')
    await person.context.close()
  })

  it('lists journeys for a token holder and carries the token into the editor and back', async () => {
    const admin = await mintToken(SECRET, '*', 'editor')
    const api = testApi(server.url, admin)
    const id = await api.createJourney('Behind a token')
    const person = await openPerson(browser, { name: 'Ola' })

    await person.page.goto(server.url)
    await person.page.getByText('Access denied').first().waitFor()

    await person.page.goto(`${server.url}/?token=${encodeURIComponent(admin)}`)
    const row = person.page.locator(`[data-testid="journey-row"][data-id="${id}"]`)
    await row.click()
    await person.page.waitForURL((url) => url.pathname === `/j/${id}`)
    expect(new URL(person.page.url()).searchParams.get('token')).toBe(admin)
    await person.page
      .locator('[data-testid="connection-status"][data-state="connected"]')
      .waitFor({ timeout: 15_000 })

    await person.page.getByRole('button', { name: 'Back to all journeys' }).click()
    await row.waitFor()
    expect(new URL(person.page.url()).searchParams.get('token')).toBe(admin)
    await person.context.close()
  })
})
