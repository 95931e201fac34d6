// The canvas in headless Chromium: Touchline's editor against a bare React Flow page with
// the same nodes and edges, at several journey sizes, plus remote-edit-to-paint latency.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { touchlineCli, webDist } from '../paths.js'
import { formatTable, ms, ratio } from '../report/table.js'
import { importLargeJourney } from '../servers/import-journey.js'
import { RunningServer } from '../servers/running-server.js'
import type { ServerSpec } from '../servers/server-specs.js'
import type { LatencySummary } from '../stats/latency-histogram.js'
import { startBaselineServer } from './baseline-server.js'
import { measurePage, type PageMeasurement } from './canvas-page.js'
import { remoteEditToPaint } from './remote-edit.js'

/** Targets from the issue. */
export const FRAME_RATIO_TARGET = 1.3
export const FRAME_RATIO_SIZE = 2000
export const REMOTE_PAINT_TARGET_MS = 100

const CHROMIUM = process.env.TOUCHLINE_CHROMIUM || '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
const VIEWPORT = { width: 1440, height: 900 }
const TOUCHLINE_CARD = '[data-testid="touchpoint-card"]'
const BARE_CARD = '.react-flow__node-default'

export interface CanvasPlan {
  sizes: number[]
  /** Input events per scripted gesture. */
  steps: number
  remoteEdits: number
}

export interface CanvasSizeResult {
  touchpoints: number
  touchline: PageMeasurement
  bare: PageMeasurement
  remoteEditToPaint: LatencySummary & { timedOut: number }
  /** Touchline's median frame time over the bare page's, per gesture. */
  frameRatio: { pan: number; zoom: number; drag: number }
}

export interface CanvasSuiteResult {
  plan: CanvasPlan
  results: CanvasSizeResult[]
  failures: { touchpoints: number; error: string }[]
}

/** Why the canvas suite cannot run here, or null. */
export function canvasUnavailable(): string | null {
  if (!existsSync(join(webDist, 'index.html'))) {
    return `${webDist} is missing: build the web app first (pnpm --filter @touchline/web build)`
  }
  if (!existsSync(touchlineCli)) return `${touchlineCli} is missing: build the server first`
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium)`
  return null
}

async function openPage(browser: Browser) {
  const context = await browser.newContext({ viewport: VIEWPORT })
  // No single gesture may hang the run: every page action fails after a minute.
  context.setDefaultTimeout(60_000)
  // A returning user: skips the first-visit name dialog.
  await context.addInitScript(
    "localStorage.setItem('touchline:identity', JSON.stringify({ name: 'Bench', color: '#2f6fdf' }))",
  )
  return { context, page: await context.newPage() }
}

const ratioOf = (mine: number, bare: number) => (bare > 0 ? mine / bare : Number.NaN)

export async function runCanvasSuite(
  touchline: ServerSpec,
  plan: CanvasPlan,
  log: (line: string) => void,
): Promise<CanvasSuiteResult> {
  log(`\ncanvas: ${plan.sizes.join(', ')} touchpoints`)
  const results: CanvasSizeResult[] = []
  const failures: CanvasSuiteResult['failures'] = []
  const server = await RunningServer.start(touchline)
  const baseline = await startBaselineServer()
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  })
  try {
    for (const size of plan.sizes) {
      try {
        const id = await importLargeJourney(server, size)
        const mine = await openPage(browser)
        const touchlinePage = await measurePage(
          mine.page,
          `${server.httpOrigin}/j/${encodeURIComponent(id)}`,
          TOUCHLINE_CARD,
          plan.steps,
        )
        const remote = await remoteEditToPaint(
          mine.page,
          `${server.origin}/sync`,
          id,
          TOUCHLINE_CARD,
          plan.remoteEdits,
        )
        await mine.context.close()
        const bare = await openPage(browser)
        const barePage = await measurePage(bare.page, baseline.url(size), BARE_CARD, plan.steps)
        await bare.context.close()
        const result: CanvasSizeResult = {
          touchpoints: size,
          touchline: touchlinePage,
          bare: barePage,
          remoteEditToPaint: remote,
          frameRatio: {
            pan: ratioOf(touchlinePage.pan.p50, barePage.pan.p50),
            zoom: ratioOf(touchlinePage.zoom.p50, barePage.zoom.p50),
            drag: ratioOf(touchlinePage.drag.p50, barePage.drag.p50),
          },
        }
        log(
          ` ${size}: first render ${touchlinePage.firstFullRenderMs.toFixed(0)} ms ` +
            `(bare ${barePage.firstFullRenderMs.toFixed(0)} ms), drag p50 ` +
            `${touchlinePage.drag.p50.toFixed(1)} ms (bare ${barePage.drag.p50.toFixed(1)} ms), ` +
            `remote edit painted p50 ${remote.p50.toFixed(0)} ms`,
        )
        results.push(result)
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        log(` ${size} failed: ${message}`)
        failures.push({ touchpoints: size, error: message })
      }
    }
  } finally {
    await browser.close()
    await baseline.close()
    await server.stop()
  }
  return { plan, results, failures }
}

export function canvasTable(suite: CanvasSuiteResult): string {
  const rows: string[][] = []
  for (const result of suite.results) {
    for (const [page, m] of [
      ['touchline', result.touchline],
      ['bare React Flow', result.bare],
    ] as const) {
      rows.push([
        `${result.touchpoints}`,
        page,
        ms(m.firstFullRenderMs),
        `${m.cards}/${m.edges}`,
        `${ms(m.pan.p50)} / ${ms(m.pan.p95)}`,
        `${ms(m.zoom.p50)} / ${ms(m.zoom.p95)}`,
        `${ms(m.drag.p50)} / ${ms(m.drag.p95)} (${m.drag.cardsDragged})`,
        page === 'touchline'
          ? `${ratio(result.frameRatio.pan)} / ${ratio(result.frameRatio.zoom)} / ${ratio(result.frameRatio.drag)}`
          : '',
        page === 'touchline'
          ? `${ms(result.remoteEditToPaint.p50)} / ${ms(result.remoteEditToPaint.max)}${result.remoteEditToPaint.timedOut ? ` (${result.remoteEditToPaint.timedOut} timed out)` : ''}`
          : '',
      ])
    }
  }
  const table = formatTable(
    [
      'touchpoints',
      'page',
      'first full render ms',
      'cards/edges in DOM',
      'pan frame p50/p95 ms',
      'zoom frame p50/p95 ms',
      'drag frame p50/p95 ms (cards)',
      'frame ratio pan/zoom/drag',
      'remote edit to paint p50/max ms',
    ],
    rows,
  )
  return `Canvas (headless Chromium, ${VIEWPORT.width}x${VIEWPORT.height}; targets: frame ratio <= ${FRAME_RATIO_TARGET}x at ${FRAME_RATIO_SIZE}, remote edit painted < ${REMOTE_PAINT_TARGET_MS} ms)\n${table}`
}
