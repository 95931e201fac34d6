// Remote edit to paint: a stock y-websocket client in Node renames a card that is in view;
// the time runs from just before the change until the first paint that shows the new title.
import type { Page } from 'playwright-core'
import type * as Y from 'yjs'
import type { LatencySummary } from '../stats/latency-histogram.js'
import { LatencyHistogram } from '../stats/latency-histogram.js'
import { stockClient } from '../sync/stock-client.js'
import { PAINTED_AT, visibleCardsScript, watchForTextScript } from './page-scripts.js'

const PAINT_TIMEOUT_MS = 5000

function wallClock(): number {
  return performance.timeOrigin + performance.now()
}

export async function remoteEditToPaint(
  page: Page,
  syncUrl: string,
  journeyId: string,
  cardSelector: string,
  edits: number,
): Promise<LatencySummary & { timedOut: number }> {
  const client = stockClient(syncUrl, journeyId)
  const { doc } = client
  try {
    await client.synced()
    const histogram = new LatencyHistogram()
    let timedOut = 0
    for (let i = 0; i < edits; i++) {
      const [card] = await page.evaluate<{ id: string }[]>(visibleCardsScript(cardSelector, 1))
      const entity = card ? doc.getMap<Y.Map<unknown>>('touchpoints').get(card.id) : undefined
      if (!entity) {
        throw new Error(
          `no card in view to edit (in view: ${card?.id ?? 'none'}, in the document: ${doc.getMap('touchpoints').size})`,
        )
      }
      const marker = `Remote edit ${i} ${Math.random().toString(36).slice(2, 8)}`
      await page.evaluate(watchForTextScript(marker))
      const sentAt = wallClock()
      entity.set('title', marker)
      const deadline = performance.now() + PAINT_TIMEOUT_MS
      let paintedAt = 0
      while (paintedAt === 0 && performance.now() < deadline) {
        paintedAt = await page.evaluate<number>(PAINTED_AT)
        if (paintedAt === 0) await new Promise((resolve) => setTimeout(resolve, 2))
      }
      if (paintedAt === 0) timedOut += 1
      else histogram.recordMs(paintedAt - sentAt)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    return { ...histogram.summary(), timedOut }
  } finally {
    client.destroy()
  }
}
