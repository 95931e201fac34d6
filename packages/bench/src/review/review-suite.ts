import { formatTable, ms, ratio } from '../report/table.js'
import type { ServerSpec } from '../servers/server-specs.js'
import { type VoteLatencyResult, type VotePlan, voteLatency } from './vote-latency.js'

/** Targets from the review issue. */
export const VOTE_P99_TARGET_MS = 50
export const VOTE_SIZE_RATIO_TARGET = 1.5

export interface ReviewSuiteResult {
  plan: VotePlan & { sizes: number[]; runs: number }
  /** Every run of every size, in order. */
  runs: VoteLatencyResult[]
  /** Per size: the run with the median p99. */
  medians: VoteLatencyResult[]
  failures: { touchpoints: number; error: string }[]
}

function medianByP99(runs: VoteLatencyResult[]): VoteLatencyResult | undefined {
  const sorted = [...runs].sort((a, b) => a.latency.p99 - b.latency.p99)
  return sorted[Math.floor((sorted.length - 1) / 2)]
}

export async function runReviewSuite(
  spec: ServerSpec,
  plan: VotePlan & { sizes: number[]; runs: number },
  log: (line: string) => void,
): Promise<ReviewSuiteResult> {
  log(
    `\nreview: ${plan.voters} voters voting at once, ${plan.rounds} rounds, on ${plan.sizes.join(' and ')} touchpoints, ${plan.runs} runs each`,
  )
  const runs: VoteLatencyResult[] = []
  const medians: VoteLatencyResult[] = []
  const failures: ReviewSuiteResult['failures'] = []
  for (const size of plan.sizes) {
    const ofSize: VoteLatencyResult[] = []
    for (let run = 0; run < plan.runs; run++) {
      try {
        const result = await voteLatency(spec, size, plan)
        log(
          ` ${size} touchpoints, run ${run + 1}: p50 ${ms(result.latency.p50)} ms, p99 ${ms(result.latency.p99)} ms, ` +
            `${result.votes} votes, ${result.missed} unseen, ${result.refused} refused`,
        )
        ofSize.push(result)
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        log(` ${size} touchpoints, run ${run + 1} failed: ${message}`)
        failures.push({ touchpoints: size, error: message })
      }
    }
    runs.push(...ofSize)
    const median = medianByP99(ofSize)
    if (median) medians.push(median)
  }
  return { plan, runs, medians, failures }
}

export function reviewTable(suite: ReviewSuiteResult): string {
  const smallest = suite.medians[0]
  const table = formatTable(
    [
      'touchpoints',
      'voters',
      'votes',
      'p50 ms',
      'p99 ms',
      'max ms',
      'unseen',
      `p99 < ${VOTE_P99_TARGET_MS} ms`,
      `p99 vs ${smallest?.touchpoints ?? '-'}`,
    ],
    suite.medians.map((result) => {
      const vsSmallest = smallest ? result.latency.p99 / smallest.latency.p99 : null
      return [
        result.touchpoints.toLocaleString('en-US'),
        String(result.voters),
        String(result.votes),
        ms(result.latency.p50),
        ms(result.latency.p99),
        ms(result.latency.max),
        String(result.missed),
        result.missed === 0 && result.latency.p99 < VOTE_P99_TARGET_MS ? 'yes' : 'NO',
        result === smallest
          ? '-'
          : `${ratio(vsSmallest)} ${vsSmallest !== null && vsSmallest <= VOTE_SIZE_RATIO_TARGET ? '(ok)' : '(NO)'}`,
      ]
    }),
  )
  return `Review: vote sent to seen by the other voters (run with the median p99 of ${suite.plan.runs})\n${table}`
}
