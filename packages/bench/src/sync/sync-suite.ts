// Every workload against every server, one server process at a time, servers interleaved
// per workload so they meet the machine in the same state.

import { count, formatTable, mib, ms, ratio } from '../report/table.js'
import { RunningServer } from '../servers/running-server.js'
import type { ServerId, ServerSpec } from '../servers/server-specs.js'
import { type StepUpPlan, stepUp, type WorkloadResult } from './step-up.js'
import type { Workload } from './workloads.js'

export interface RatioRow {
  workload: string
  server: ServerId
  capacity: number
  bestPeer: string | null
  vsBestPeer: number | null
  vsRelay: number | null
}

export interface SyncSuiteResult {
  plan: StepUpPlan
  results: WorkloadResult[]
  ratios: RatioRow[]
  failures: { workload: string; server: ServerId; error: string }[]
}

export async function runSyncSuite(
  specs: readonly ServerSpec[],
  workloads: readonly Workload[],
  plan: StepUpPlan,
  log: (line: string) => void,
): Promise<SyncSuiteResult> {
  const results: WorkloadResult[] = []
  const failures: SyncSuiteResult['failures'] = []
  const compared = specs.filter((spec) => spec.role !== 'transfer-ceiling')
  for (const workload of workloads) {
    log(`\nworkload ${workload.label}`)
    for (const spec of compared) {
      log(` ${spec.label}`)
      let server: RunningServer | null = null
      try {
        server = await RunningServer.start(spec)
        results.push(await stepUp(server, workload, plan, log))
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        log(`  failed: ${message}`)
        failures.push({ workload: workload.id, server: spec.id, error: message })
      } finally {
        await server?.stop()
      }
    }
  }
  return { plan, results, ratios: ratios(compared, workloads, results), failures }
}

function ratios(
  specs: readonly ServerSpec[],
  workloads: readonly Workload[],
  results: readonly WorkloadResult[],
): RatioRow[] {
  const roleOf = new Map(specs.map((spec) => [spec.id, spec.role]))
  const rows: RatioRow[] = []
  for (const workload of workloads) {
    const mine = results.filter((result) => result.workload === workload.id)
    const peers = mine.filter((result) => roleOf.get(result.server) === 'peer')
    const best = peers.reduce<WorkloadResult | null>(
      (top, result) => (!top || result.capacity > top.capacity ? result : top),
      null,
    )
    const relay = mine.find((result) => roleOf.get(result.server) === 'ceiling')
    for (const result of mine) {
      if (roleOf.get(result.server) !== 'touchline') continue
      rows.push({
        workload: workload.id,
        server: result.server,
        capacity: result.capacity,
        bestPeer: best?.server ?? null,
        vsBestPeer: best && best.capacity > 0 ? result.capacity / best.capacity : null,
        vsRelay: relay && relay.capacity > 0 ? result.capacity / relay.capacity : null,
      })
    }
  }
  return rows
}

export function syncTables(suite: SyncSuiteResult): string {
  const detail = formatTable(
    [
      'workload',
      'server',
      'upd/s @p99<=50ms',
      'p50 ms',
      'p99 ms',
      'p99.9 ms',
      'cursor p99 ms',
      'CPU user s',
      'CPU sys s',
      'RSS MiB',
      'loop p99 ms',
      'join p50 ms',
      'join p99 ms',
      'converged',
      'harness loop p99 ms',
      'harness CPU',
    ],
    suite.results.map((result) => {
      // Latency and CPU of the window that set the capacity (else of the stated rates).
      const base = result.steps[result.capacityStep ?? 0] ?? result.base
      return [
        result.workload,
        result.server,
        count(result.capacity),
        ms(base.update.p50),
        ms(base.update.p99),
        ms(base.update.p999),
        ms(base.cursor.p99),
        base.cpu.userSeconds.toFixed(2),
        base.cpu.systemSeconds.toFixed(2),
        mib(Math.max(...result.steps.map((step) => step.cpu.peakRssBytes))),
        ms(base.serverLoopDelay?.p99),
        ms(result.joinToSynced.p50),
        ms(result.joinToSynced.p99),
        result.steps.every((step) => step.convergence.ok) ? 'yes' : 'NO',
        ms(base.harnessLoopDelayP99),
        base.harnessCpuCores.toFixed(2),
      ]
    }),
  )
  const headline = formatTable(
    ['workload', 'server', 'upd/s @p99<=50ms', 'best peer', 'vs best peer', 'vs raw relay'],
    suite.ratios.map((row) => [
      row.workload,
      row.server,
      count(row.capacity),
      row.bestPeer ?? 'n/a',
      ratio(row.vsBestPeer),
      ratio(row.vsRelay),
    ]),
  )
  return `Sync server: capacity (updates delivered per second at p99 <= 50 ms, from step-up), and\nlatency, CPU and loop delay of the step that set it (of the stated rates when none did)\n${detail}\n\nHeadline ratios (updates delivered per second at p99 <= 50 ms)\n${headline}`
}
