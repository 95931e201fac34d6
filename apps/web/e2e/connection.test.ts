import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { waitForState, workshop } from './harness/index.js'

function refusal(page: Page, code: number) {
  return page.locator(`[data-testid="connection-status"][data-refused="${code}"]`)
}

describe('a journey the server refuses', () => {
  const room = workshop()

  it('says that an unknown journey does not exist and stops retrying', async () => {
    const person = await room.person({ name: 'Uma' })
    let sockets = 0
    person.page.on('websocket', () => {
      sockets += 1
    })
    await person.page.goto(`${room.server.url}/j/no_such_journey`)
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
  })

  it('tells people who have a journey open that it was deleted', async () => {
    const id = await room.api.createJourney('Soon deleted')
    const person = await room.person({ name: 'Dee' })
    await room.join(person, id)
    await room.api.deleteJourney(id)
    await refusal(person.page, 4410).waitFor()
    expect(await person.page.getByText('Someone deleted this journey').count()).toBe(1)
  })
})

describe('a server that requires tokens', () => {
  const room = workshop({ secret: true })

  it('connects with the share link’s token and explains a link that grants nothing', async () => {
    const id = await room.api.createJourney('Shared by link')
    const other = await room.api.createJourney('Someone else’s')
    const person = await room.arrive({ name: 'Lin' }, id, 'editor')

    const token = encodeURIComponent(person.token ?? '')
    await person.page.goto(`${room.server.url}/j/${other}?token=${token}`)
    const message = person.page.getByTestId('full-page-message')
    await message.waitFor({ timeout: 20_000 })
    expect(await message.textContent()).toContain('Access denied')
    expect(await message.textContent()).toContain('This link does not grant access')
  })

  it('lists journeys for a token holder and carries the token into the editor and back', async () => {
    const admin = await room.token('*', 'editor')
    const id = await room.api.createJourney('Behind a token')
    const person = await room.person({ name: 'Ola' })

    await person.page.goto(room.server.url)
    await person.page.getByText('Access denied').first().waitFor()

    await person.page.goto(`${room.server.url}/?token=${encodeURIComponent(admin)}`)
    const row = person.page.locator(`[data-testid="journey-row"][data-id="${id}"]`)
    await row.click()
    await person.page.waitForURL((url) => url.pathname === `/j/${id}`)
    expect(new URL(person.page.url()).searchParams.get('token')).toBe(admin)
    await waitForState(person.page, 'connected')

    await person.page.getByRole('button', { name: 'Back to all journeys' }).click()
    await row.waitFor()
    expect(new URL(person.page.url()).searchParams.get('token')).toBe(admin)
  })
})
