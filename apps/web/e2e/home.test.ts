import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { type Member, screenshotPath, withoutExportTime, workshop } from './harness/index.js'

const room = workshop()

async function visitHome(name = 'Hana'): Promise<Member> {
  const person = await room.person({ name })
  await person.page.goto(room.server.url)
  return person
}

/** Drops a file on the page the way a desktop drag does: dragenter, dragover, then drop. */
async function dropFile(person: Member, name: string, contents: string): Promise<void> {
  await person.page.evaluate(
    ([fileName, text]) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([text], fileName, { type: 'application/json' }))
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(
          new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
        )
      }
    },
    [name, contents] as const,
  )
}

const INVALID_FILE = JSON.stringify({
  format: 'touchline.journey',
  version: 1,
  exportedAt: '2026-11-24T10:00:00.000Z',
  journey: { title: 42, stages: 'not a list' },
})

describe('journeys home', () => {
  it('fits the page at laptop and tablet widths (screenshots kept for review)', async () => {
    const templates = await room.api.listTemplates()
    const titles = ['Enterprise trial to paid', 'Partner-led onboarding', 'Analyst day follow-up']
    for (const [index, title] of titles.entries()) {
      await room.api.createJourney(title, templates[index % templates.length]?.id)
    }
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 1024, height: 768 },
    ]) {
      const person = await room.person({ name: 'Maya Chen', color: '#db2777', viewport })
      await person.page.goto(room.server.url)
      await person.page.getByTestId('journey-row').first().waitFor()
      const overflow = await person.page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      )
      expect(overflow, `horizontal overflow at ${viewport.width}px`).toBeLessThanOrEqual(0)
      await person.page.screenshot({ path: await screenshotPath(`home-${viewport.width}.png`) })
    }
  })

  it('lists journeys with their counts and finds them by title', async () => {
    const templates = await room.api.listTemplates()
    const first = templates[0]
    expect(first, 'the server offers templates').toBeDefined()
    await room.api.createJourney('Webinar nurture loop', first?.id)
    await room.api.createJourney('Partner onboarding')

    const person = await visitHome()
    const rows = person.page.getByTestId('journey-row')
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2)
    const webinar = rows.filter({ hasText: 'Webinar nurture loop' })
    await expect.poll(() => webinar.textContent()).toMatch(/\d+ stages?/)

    await person.page.keyboard.press('/')
    await person.page.keyboard.type('webinar')
    await expect.poll(() => rows.count()).toBe(1)
    expect(await rows.first().textContent()).toContain('Webinar nurture loop')
  })

  it('creates a journey from a template and opens it', async () => {
    const templates = await room.api.listTemplates()
    const template = templates[templates.length - 1]
    if (!template) throw new Error('the server offers no templates')
    const person = await visitHome()
    await person.page.getByTestId('new-journey').click()
    const dialog = person.page.getByTestId('new-journey-dialog')
    await dialog.getByTestId('new-journey-title').fill('Trial to paid')
    await dialog.locator(`[data-template="${template.id}"]`).click()
    await dialog.getByTestId('create-journey').click()
    await person.page.waitForURL(/\/j\/[A-Za-z0-9_-]+$/)
    const id = new URL(person.page.url()).pathname.split('/').pop() ?? ''
    const exported = await room.api.exportJourney(id)
    const journey = exported.journey as { title: string; touchpoints: unknown[] }
    expect(journey.title).toBe('Trial to paid')
    expect(journey.touchpoints.length).toBeGreaterThan(0)
  })

  it('shows the server’s problems, with their paths, for an invalid file picked to import', async () => {
    const person = await visitHome()
    const chooser = person.page.waitForEvent('filechooser')
    await person.page.getByTestId('import-journey').click()
    await (await chooser).setFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(INVALID_FILE),
    })
    const errors = person.page.getByTestId('import-errors')
    await errors.waitFor()
    expect(await errors.textContent()).toContain('broken.json')
    const items = errors.getByTestId('import-error')
    expect(await items.count()).toBeGreaterThanOrEqual(2)
    const text = (await items.allTextContents()).join('\n')
    expect(text).toMatch(/title/)
    expect(text).toMatch(/stages/)
    expect(new URL(person.page.url()).pathname).toBe('/')
  })

  it('imports by drag and drop, refusing a non-JSON file and accepting a valid export', async () => {
    const source = await room.api.createJourney('Exported for import')
    const file = await room.api.exportJourney(source)
    const person = await visitHome()

    await dropFile(person, 'notes.json', 'this is { not json')
    const errors = person.page.getByTestId('import-errors')
    await errors.waitFor()
    expect(await errors.textContent()).toContain('not a JSON file')

    await dropFile(person, 'journey.json', JSON.stringify(file))
    await person.page.waitForURL(/\/j\/[A-Za-z0-9_-]+$/)
    const id = new URL(person.page.url()).pathname.split('/').pop() ?? ''
    expect(id).not.toBe(source)
    const imported = await room.api.exportJourney(id)
    expect((imported.journey as { title: string }).title).toBe('Exported for import')
  })

  it('downloads a journey’s JSON from its row', async () => {
    const id = await room.api.createJourney('Row download')
    const person = await visitHome()
    const row = person.page.locator(`[data-testid="journey-row"][data-id="${id}"]`)
    await row.hover()
    const download = person.page.waitForEvent('download')
    await row.getByTestId('download-journey').click()
    const saved = await download
    expect(saved.suggestedFilename()).toMatch(/\.json$/)
    const file = JSON.parse(await readFile(await saved.path(), 'utf8')) as Record<string, unknown>
    expect(withoutExportTime(file)).toEqual(withoutExportTime(await room.api.exportJourney(id)))
  })

  it('deletes a journey only after confirmation', async () => {
    const id = await room.api.createJourney('Short-lived journey')
    const person = await visitHome()
    const row = person.page.locator(`[data-testid="journey-row"][data-id="${id}"]`)
    await row.hover()
    await row.getByTestId('delete-journey').click()
    const dialog = person.page.getByTestId('delete-dialog')
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(await room.api.listJourneyIds()).toContain(id)

    await row.hover()
    await row.getByTestId('delete-journey').click()
    await dialog.getByTestId('confirm-delete').click()
    await row.waitFor({ state: 'detached' })
    expect(await room.api.listJourneyIds()).not.toContain(id)
  })

  it('asks a first-time visitor for a name and colour before joining a journey', async () => {
    const id = await room.api.createJourney('Identity check')
    const person = await room.person({ name: 'unused', firstVisit: true })
    await person.page.goto(`${room.server.url}/j/${id}`)
    const dialog = person.page.getByTestId('identity-dialog')
    await dialog.waitFor()
    expect(await dialog.getByTestId('identity-save').isDisabled()).toBe(true)
    await dialog.getByTestId('identity-name').fill('Rosa Díaz')
    await dialog.getByTestId('identity-save').click()
    await dialog.waitFor({ state: 'detached' })
    await person.page.getByTestId('connection-status').waitFor()
    const stored = await person.page.evaluate(() => localStorage.getItem('touchline:identity'))
    expect(JSON.parse(stored ?? '{}')).toMatchObject({ name: 'Rosa Díaz' })
  })
})
