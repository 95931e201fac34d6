// The model's analysis runs on every change in the editor, so it must stay well inside a
// frame: healthChecks and emotionCurve timed on a 5,000-touchpoint journey. readJourney (the
// document-to-journey read the analysis starts from) is timed too, from a cold and from a
// warm (reused) read, for context.
import {
  emotionCurve,
  healthChecks,
  type Journey,
  type JourneyChanges,
  readJourney,
} from '@touchline/model'
import { largeJourney, largeJourneyDoc } from '../journeys/large-journey.js'
import { formatTable, ms } from '../report/table.js'
import { LatencyHistogram, type LatencySummary } from '../stats/latency-histogram.js'

export const ANALYSIS_TOUCHPOINTS = 5000
/** Target from the issue, per run (judged on the median run; p99 shows the spread). */
export const ANALYSIS_TARGET_MS = 10

export interface AnalysisResult {
  name: string
  runs: number
  time: LatencySummary
  /** Whether it is one of the targeted analyses (rather than context). */
  targeted: boolean
}

export interface AnalysisSuiteResult {
  touchpoints: number
  connections: number
  results: AnalysisResult[]
}

function time(name: string, runs: number, targeted: boolean, run: () => unknown): AnalysisResult {
  const histogram = new LatencyHistogram()
  // Warm-up lets the JIT settle, as it has in an editor that has been open a while.
  for (let i = 0; i < Math.min(10, runs); i++) run()
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    run()
    histogram.recordMs(performance.now() - start)
  }
  return { name, runs, time: histogram.summary(), targeted }
}

export function runAnalysisSuite(runs: number, log: (line: string) => void): AnalysisSuiteResult {
  log(`\nmodel analysis: ${ANALYSIS_TOUCHPOINTS} touchpoints, ${runs} runs each`)
  const journey: Journey = largeJourney(ANALYSIS_TOUCHPOINTS)
  const doc = largeJourneyDoc(ANALYSIS_TOUCHPOINTS)
  const persona = journey.personas[0]?.id
  const previous = readJourney(doc)
  const none = new Set<string>()
  const oneCardMoved: JourneyChanges = {
    personas: none,
    stages: none,
    touchpoints: new Set([journey.touchpoints[0]?.id ?? '']),
    connections: none,
    meta: false,
    origin: null,
    local: false,
  }
  const results = [
    time('healthChecks', runs, true, () => healthChecks(journey)),
    time('emotionCurve (all personas)', runs, true, () => emotionCurve(journey)),
    time('emotionCurve (one persona)', runs, true, () => emotionCurve(journey, persona)),
    time('readJourney (cold)', Math.max(3, Math.floor(runs / 10)), false, () => readJourney(doc)),
    time('readJourney (one card changed, reusing the last read)', runs, false, () =>
      readJourney(doc, { previous, changes: oneCardMoved }),
    ),
  ]
  return {
    touchpoints: journey.touchpoints.length,
    connections: journey.connections.length,
    results,
  }
}

export function analysisTable(suite: AnalysisSuiteResult): string {
  const table = formatTable(
    ['analysis', 'runs', 'p50 ms', 'p99 ms', 'max ms', `< ${ANALYSIS_TARGET_MS} ms`],
    suite.results.map((result) => [
      result.name,
      String(result.runs),
      ms(result.time.p50),
      ms(result.time.p99),
      ms(result.time.max),
      result.targeted ? (result.time.p50 < ANALYSIS_TARGET_MS ? 'yes' : 'NO') : '-',
    ]),
  )
  return `Model analysis on ${suite.touchpoints.toLocaleString('en-US')} touchpoints and ${suite.connections.toLocaleString('en-US')} connections\n${table}`
}
