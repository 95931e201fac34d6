import type { Page } from 'playwright-core'

/** Ids of the touchpoint cards currently rendered. */
export function cardIds(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="touchpoint-card"]')
    .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-id') ?? ''))
}

export function card(page: Page, id: string) {
  return page.locator(`[data-testid="touchpoint-card"][data-id="${id}"]`)
}

/** Adds a touchpoint with the toolbar button and returns the id of the card that appeared. */
export async function addCard(page: Page): Promise<string> {
  const before = new Set(await cardIds(page))
  await page.getByTestId('add-touchpoint').click()
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    const added = (await cardIds(page)).filter((id) => !before.has(id))
    if (added.length === 1 && added[0]) return added[0]
    if (added.length > 1) throw new Error(`one click added ${added.length} cards`)
    await page.waitForTimeout(25)
  }
  throw new Error('no card appeared after clicking add-touchpoint')
}

/** Drops the moment-in-time fields so two exports of the same journey compare equal. */
export function withoutExportTime(file: Record<string, unknown>): Record<string, unknown> {
  const { exportedAt: _exportedAt, ...rest } = file
  return rest
}
