import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'

/** Without these, Chromium tries Google services on start, which this sandbox refuses. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.TOUCHLINE_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  })
}

export interface Person {
  name: string
  color: string
  context: BrowserContext
  page: Page
  /** Uncaught exceptions in the page; a test fails if the app threw. */
  errors: Error[]
}

export interface PersonOptions {
  name: string
  color?: string
  viewport?: { width: number; height: number }
  /** Skip seeding the identity, to see the first-visit dialog. */
  firstVisit?: boolean
}

/**
 * One collaborator: an isolated browser context (its own IndexedDB, localStorage and
 * sockets, like a separate machine) with their name and colour already chosen.
 */
export async function openPerson(browser: Browser, options: PersonOptions): Promise<Person> {
  const color = options.color ?? '#0891b2'
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1440, height: 900 },
    acceptDownloads: true,
  })
  if (!options.firstVisit) {
    await context.addInitScript(
      ([name, colour]) => {
        if (!localStorage.getItem('touchline:identity')) {
          localStorage.setItem('touchline:identity', JSON.stringify({ name, color: colour }))
        }
      },
      [options.name, color] as const,
    )
  }
  const page = await context.newPage()
  const errors: Error[] = []
  page.on('pageerror', (error) => errors.push(error))
  return { name: options.name, color, context, page, errors }
}

export async function waitForState(
  page: Page,
  state: 'connected' | 'connecting' | 'offline',
  timeout = 30_000,
): Promise<void> {
  await page
    .locator(`[data-testid="connection-status"][data-state="${state}"]`)
    .waitFor({ timeout })
}

/** Waits until nothing local is waiting to reach the server. */
export async function waitForSent(page: Page, timeout = 30_000): Promise<void> {
  await page
    .locator('[data-testid="connection-status"][data-state="connected"][data-unsent="false"]')
    .waitFor({ timeout })
}
