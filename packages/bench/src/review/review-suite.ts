import { formatTable, ms, ratio } from '../report/table.js'
import type { ServerSpec } from '../servers/server-specs.js'
import { type Ballots, type VoteLatencyResult, type VotePlan, voteLatency } from './vote-latency.js'

/** Targets from the review issue. */
export const VOTE_P99_TARGET_MS = 50
export const VOTE_SIZE_RATIO_TARGET = 1.5

export type ReviewPlan = VotePlan & { sizes: number[]; ballots: Ballots[]; runs: number }

/** One size and kind of session: each figure is the median of that figure over its runs. */
export interface ReviewMedian {
  touchpoints: number
  ballots: Ballots
  runs: number
  p50: number
  p99: number
  max: number
  answeredP99: number
  /** Summed over the runs. */
  missed: number
  refused: number
  /** The lowest and highest 1-minute load average any of the runs started at. */
  load: [number, number]
  serverCpuCores: number
  serverLoopDelayP99: number
  harnessCpuCores: number
  harnessLoopDelayP99: number
  watcherLoopDelayP99: number
}

export interface ReviewSuiteResult {
  plan: ReviewPlan
  /** Every run, in the order run. */
  runs: VoteLatencyResult[]
  medians: ReviewMedian[]
  failures: { touchpoints: number; ballots: Ballots; error: string }[]
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const upper = sorted[middle] ?? Number.NaN
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2
}

function medianOf(runs: VoteLatencyResult[]): ReviewMedian | null {
  const [first] = runs
  if (!first) return null
  const loads = runs.map((run) => run.loadAverage[0] ?? Number.NaN)
  return {
    touchpoints: first.touchpoints,
    ballots: first.ballots,
    runs: runs.length,
    p50: median(runs.map((run) => run.latency.p50)),
    p99: median(runs.map((run) => run.latency.p99)),
    max: median(runs.map((run) => run.latency.max)),
    answeredP99: median(runs.map((run) => run.answered.p99)),
    missed: runs.reduce((sum, run) => sum + run.missed, 0),
    refused: runs.reduce((sum, run) => sum + run.refused, 0),
    load: [Math.min(...loads), Math.max(...loads)],
    serverCpuCores: median(runs.map((run) => run.serverCpu.cpuCores)),
    serverLoopDelayP99: median(runs.map((run) => run.serverLoopDelay?.p99 ?? Number.NaN)),
    harnessCpuCores: median(runs.map((run) => run.harnessCpuCores)),
    harnessLoopDelayP99: median(runs.map((run) => run.harnessLoopDelayP99)),
    watcherLoopDelayP99: median(runs.map((run) => run.watcherLoopDelayP99)),
  }
}

export async function runReviewSuite(
  spec: ServerSpec,
  plan: ReviewPlan,
  log: (line: string) => void,
): Promise<ReviewSuiteResult> {
  log(
    `\nreview: ${plan.voters} voters voting at once (their documents on ${plan.watcherThreads} threads), ${plan.rounds} rounds, on ${plan.sizes.join(' and ')} touchpoints, ` +
      `${plan.ballots.join(' and ')} sessions, ${plan.runs} runs each`,
  )
  const runs: VoteLatencyResult[] = []
  const failures: ReviewSuiteResult['failures'] = []
  // Sizes alternate run by run, so a change in the machine's load falls on both alike.
  for (let run = 0; run < plan.runs; run++) {
    for (const ballots of plan.ballots) {
      for (const size of plan.sizes) {
        const label = ` ${ballots}, ${size} touchpoints, run ${run + 1}`
        try {
          const result = await voteLatency(spec, size, ballots, plan)
          log(
            `${label}: p50 ${ms(result.latency.p50)} ms, p99 ${ms(result.latency.p99)} ms, ` +
              `answered p99 ${ms(result.answered.p99)} ms, ${result.votes} votes, ${result.missed} unseen, ` +
              `${result.refused} refused${result.firstRefusal ? ` (${result.firstRefusal})` : ''}; ` +
              `server ${result.serverCpu.cpuCores.toFixed(2)} cores, loop p99 ${ms(result.serverLoopDelay?.p99)} ms; ` +
              `harness ${result.harnessCpuCores.toFixed(2)} cores, loop p99 ${ms(result.harnessLoopDelayP99)} ms (sender), ${ms(result.watcherLoopDelayP99)} ms (watchers); ` +
              `load average ${result.loadAverage.map((load) => load.toFixed(2)).join(' ')}`,
          )
          runs.push(result)
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error)
          log(`${label} failed: ${message}`)
          failures.push({ touchpoints: size, ballots, error: message })
        }
      }
    }
  }
  const medians = plan.ballots.flatMap((ballots) =>
    plan.sizes.flatMap((size) => {
      const row = medianOf(runs.filter((r) => r.ballots === ballots && r.touchpoints === size))
      return row ? [row] : []
    }),
  )
  return { plan, runs, medians, failures }
}

export function reviewTable(suite: ReviewSuiteResult): string {
  const smallest = Math.min(...suite.plan.sizes)
  const table = formatTable(
    [
      'session',
      'touchpoints',
      'runs',
      'p50 ms',
      'p99 ms',
      'max ms',
      'answered p99 ms',
      'unseen',
      'refused',
      'load 1-min',
      'server CPU',
      'server loop p99 ms',
      'harness CPU',
      'sender loop p99 ms',
      'watcher loop p99 ms',
      `p99 < ${VOTE_P99_TARGET_MS} ms`,
      `p99 vs ${smallest} (<= ${VOTE_SIZE_RATIO_TARGET}x)`,
    ],
    suite.medians.map((row) => {
      const base = suite.medians.find(
        (m) => m.ballots === row.ballots && m.touchpoints === smallest,
      )
      const vsSmallest = base && base !== row ? row.p99 / base.p99 : null
      return [
        row.ballots,
        row.touchpoints.toLocaleString('en-US'),
        String(row.runs),
        ms(row.p50),
        ms(row.p99),
        ms(row.max),
        ms(row.answeredP99),
        String(row.missed),
        String(row.refused),
        `${row.load[0].toFixed(2)}-${row.load[1].toFixed(2)}`,
        row.serverCpuCores.toFixed(2),
        ms(row.serverLoopDelayP99),
        row.harnessCpuCores.toFixed(2),
        ms(row.harnessLoopDelayP99),
        ms(row.watcherLoopDelayP99),
        row.missed === 0 && row.refused === 0 && row.p99 < VOTE_P99_TARGET_MS ? 'yes' : 'NO',
        vsSmallest === null
          ? '-'
          : `${ratio(vsSmallest)} ${vsSmallest <= VOTE_SIZE_RATIO_TARGET ? '(ok)' : '(NO)'}`,
      ]
    }),
  )
  return (
    `Review: ${suite.plan.voters} voters vote at once; vote sent to seen by the other voters ` +
    `(median of each figure over the runs)\n${table}`
  )
}
