import { formatTable, ms } from '../report/table.js'
import type { ServerId, ServerSpec } from '../servers/server-specs.js'
import { type ColdLoadResult, coldLoad } from './cold-load.js'

/** Target from the issue: a journey of 100,000 stored updates loaded in under 150 ms. */
export const COLD_TARGET_MS = 150

export interface ColdPlan {
  updates: number
  runs: number
}

export interface ColdSuiteResult {
  plan: ColdPlan
  results: ColdLoadResult[]
  failures: { server: ServerId; error: string }[]
  notApplicable: { server: ServerId; reason: string }[]
}

export async function runColdSuite(
  specs: readonly ServerSpec[],
  plan: ColdPlan,
  log: (line: string) => void,
): Promise<ColdSuiteResult> {
  log(`\ncold load: ${plan.updates} stored updates, ${plan.runs} restarts`)
  const results: ColdLoadResult[] = []
  const failures: ColdSuiteResult['failures'] = []
  const notApplicable: ColdSuiteResult['notApplicable'] = []
  for (const spec of specs) {
    // Only a server that stores documents has anything to load after a restart; the peers
    // as compared here (their defaults) keep documents in memory only.
    if (spec.id !== 'touchline') {
      notApplicable.push({ server: spec.id, reason: 'stores nothing across a restart' })
      continue
    }
    try {
      const result = await coldLoad(spec, plan.updates, plan.runs)
      log(
        ` ${spec.label}: first join synced in ${result.firstJoinToSynced.p50.toFixed(1)} ms ` +
          `(startup ${result.startup.p50.toFixed(0)} ms, store written in ` +
          `${result.prepareSeconds.toFixed(1)} s), complete ${result.complete}`,
      )
      results.push(result)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      log(` ${spec.label} failed: ${message}`)
      failures.push({ server: spec.id, error: message })
    }
  }
  return { plan, results, failures, notApplicable }
}

export function coldTable(suite: ColdSuiteResult): string {
  const table = formatTable(
    [
      'server',
      'stored updates',
      'first join p50 ms',
      'first join max ms',
      'startup p50 ms',
      'complete',
      `< ${COLD_TARGET_MS} ms`,
    ],
    suite.results.map((result) => [
      result.server,
      result.storedUpdates.toLocaleString('en-US'),
      ms(result.firstJoinToSynced.p50),
      ms(result.firstJoinToSynced.max),
      ms(result.startup.p50),
      result.complete ? 'yes' : 'NO',
      result.complete && result.firstJoinToSynced.p50 < COLD_TARGET_MS ? 'yes' : 'NO',
    ]),
  )
  return `Cold load: first join after a restart (median of ${suite.plan.runs})\n${table}`
}
