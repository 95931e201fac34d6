import * as Y from 'yjs'
import { largeJourneyDoc } from '../journeys/large-journey.js'
import { count, formatTable, mib, ms } from '../report/table.js'
import { RunningServer } from '../servers/running-server.js'
import type { ServerId, ServerSpec } from '../servers/server-specs.js'
import { joinStorm, type StormPlan, type StormResult } from './join-storm.js'

export const STORM_TOUCHPOINTS = 10_000
/** Target from the issue: the whole storm synced within 2 s. */
export const STORM_TARGET_MS = 2000

export interface StormSuiteResult {
  plan: StormPlan & { touchpoints: number }
  results: StormResult[]
  failures: { server: ServerId; error: string }[]
  /** Servers left out, with why. */
  notApplicable: { server: ServerId; reason: string }[]
}

export async function runStormSuite(
  specs: readonly ServerSpec[],
  plan: StormPlan,
  log: (line: string) => void,
): Promise<StormSuiteResult> {
  log(
    `\njoin storm: ${plan.clients} clients within ${plan.spreadMs} ms, ${STORM_TOUCHPOINTS} touchpoints`,
  )
  const seed = largeJourneyDoc(STORM_TOUCHPOINTS)
  const seedBytes = Y.encodeStateAsUpdate(seed).byteLength
  const results: StormResult[] = []
  const failures: StormSuiteResult['failures'] = []
  const notApplicable: StormSuiteResult['notApplicable'] = []
  for (const spec of specs) {
    if (!spec.stateful) {
      notApplicable.push({ server: spec.id, reason: 'keeps no document, so never answers a sync' })
      continue
    }
    let server: RunningServer | null = null
    try {
      server = await RunningServer.start(spec)
      const result = await joinStorm(server, seed, seedBytes, STORM_TOUCHPOINTS, plan)
      log(
        ` ${spec.label}: all synced in ${ms(result.allSyncedMs)} ms, ` +
          `p99 ${result.joinToSynced.p99.toFixed(0)} ms, failed ${result.failed}`,
      )
      results.push(result)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      log(` ${spec.label} failed: ${message}`)
      failures.push({ server: spec.id, error: message })
    } finally {
      await server?.stop()
    }
  }
  return { plan: { ...plan, touchpoints: STORM_TOUCHPOINTS }, results, failures, notApplicable }
}

export function stormTable(suite: StormSuiteResult): string {
  const table = formatTable(
    [
      'server',
      'clients',
      'doc KiB',
      'all synced ms',
      'join p50 ms',
      'join p99 ms',
      'join max ms',
      'failed',
      'CPU user s',
      'CPU sys s',
      'RSS MiB',
      'loop p99 ms',
      'harness CPU',
      `< ${STORM_TARGET_MS} ms`,
    ],
    suite.results.map((result) => [
      result.server,
      count(result.clients),
      count(result.documentBytes / 1024),
      result.allSyncedMs === null ? `> ${count(suite.plan.syncTimeoutMs)}` : ms(result.allSyncedMs),
      ms(result.joinToSynced.p50),
      ms(result.joinToSynced.p99),
      ms(result.joinToSynced.max),
      count(result.failed),
      result.cpu.userSeconds.toFixed(2),
      result.cpu.systemSeconds.toFixed(2),
      mib(result.cpu.peakRssBytes),
      ms(result.serverLoopDelay?.p99),
      result.harnessCpuCores.toFixed(2),
      result.allSyncedMs !== null && result.allSyncedMs < STORM_TARGET_MS ? 'yes' : 'NO',
    ]),
  )
  const heading = `Join storm: ${suite.plan.clients} clients join one ${suite.plan.touchpoints.toLocaleString('en-US')}-touchpoint journey within ${suite.plan.spreadMs} ms`
  const ceiling = suite.results.some((result) => result.server === 'transfer-ceiling')
    ? '\ntransfer-ceiling: no sync server, one kept buffer sent to every joiner: how fast this machine moves the bytes'
    : ''
  return `${heading}\n${table}${ceiling}`
}
