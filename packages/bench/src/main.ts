// `pnpm bench`: runs the suites, prints their tables and writes bench/results/*.json.
// Each suite is imported only when it runs, so one suite's dependencies (the web build, the
// model, Chromium) never stop the others.
import { join, relative } from 'node:path'
import { CANVAS_SIZES, type Options, parseOptions, type Suite } from './options.js'
import { repoRoot, resultsDir } from './paths.js'
import { describeMachine } from './report/machine.js'
import { writeResults } from './report/results-file.js'
import { profileServersInto } from './servers/running-server.js'
import { SERVER_SPECS, type ServerSpec } from './servers/server-specs.js'
import { WORKLOADS } from './sync/workloads.js'

interface Skipped {
  suite: Suite | 'server'
  reason: string
}

function log(line: string): void {
  process.stdout.write(`${line}\n`)
}

function selectServers(options: Options, skipped: Skipped[]): ServerSpec[] {
  const chosen = SERVER_SPECS.filter(
    (spec) => !options.servers || options.servers.includes(spec.id),
  )
  return chosen.filter((spec) => {
    const reason = spec.unavailable()
    if (reason) {
      skipped.push({ suite: 'server', reason: `${spec.label} skipped: ${reason}` })
      log(`skipping ${spec.label}: ${reason}`)
    }
    return reason === null
  })
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2))
  const startedAt = new Date()
  const machine = describeMachine()
  log(
    `touchline bench (${options.quick ? 'quick' : 'full'}): ${machine.cores} cores, ${machine.cpuModel}, ` +
      `Node ${machine.node}, load average ${machine.loadAverageAtStart.toFixed(2)}`,
  )
  if (options.profile) {
    const dir = join(resultsDir, 'profiles', startedAt.toISOString().replace(/[:.]/g, '-'))
    profileServersInto(dir)
    log(`CPU profiles of the servers go to ${relative(repoRoot, dir)}`)
  }
  const skipped: Skipped[] = []
  const servers = selectServers(options, skipped)
  const workloads = WORKLOADS.filter((w) => !options.workloads || options.workloads.includes(w.id))
  const results: Record<string, unknown> = {}
  const tables: string[] = []
  const wants = (suite: Suite) => options.suites.includes(suite)
  // Written after every suite, so a run cut short keeps what it measured.
  const save = (finishedAt: Date | null) =>
    writeResults(
      {
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt?.toISOString() ?? null,
        mode: options.quick ? 'quick' : 'full',
        machine,
        options,
        skipped,
        ...results,
      },
      startedAt,
    )

  if (wants('sync')) {
    const plan = options.quick
      ? { warmUpMs: 1000, windowMs: 1000, factor: 3, maxSteps: 2 }
      : { warmUpMs: 3000, windowMs: 5000, factor: 1.5, maxSteps: 10 }
    const { runSyncSuite, syncTables } = await import('./sync/sync-suite.js')
    const sync = await runSyncSuite(servers, workloads, plan, log)
    results.sync = sync
    tables.push(syncTables(sync))
    save(null)
    log(`\n${tables.at(-1)}`)
  }
  if (wants('storm')) {
    const { runStormSuite, stormTable } = await import('./sync/storm-suite.js')
    const storm = await runStormSuite(
      servers,
      {
        clients: 200,
        spreadMs: 1000,
        syncTimeoutMs: options.quick ? 5_000 : 30_000,
      },
      log,
    )
    results.storm = storm
    tables.push(stormTable(storm))
    save(null)
    log(`\n${tables.at(-1)}`)
  }
  if (wants('cold')) {
    const { coldTable, runColdSuite } = await import('./sync/cold-suite.js')
    const cold = await runColdSuite(servers, { updates: 100_000, runs: options.quick ? 2 : 5 }, log)
    results.cold = cold
    tables.push(coldTable(cold))
    save(null)
    log(`\n${tables.at(-1)}`)
  }

  if (wants('review')) {
    const touchline = servers.find((spec) => spec.id === 'touchline')
    if (!touchline) {
      skipped.push({ suite: 'review', reason: 'the Touchline (SQLite) server is not selected' })
    } else {
      const { reviewTable, runReviewSuite } = await import('./review/review-suite.js')
      const review = await runReviewSuite(
        touchline,
        {
          sizes: [50, 5000],
          ballots: ['public', 'hidden'],
          voters: 30,
          warmUpRounds: 2,
          pauseMs: 100,
          watcherThreads: 2,
          ...(options.quick ? { rounds: 10, runs: 1 } : { rounds: 40, runs: 3 }),
        },
        log,
      )
      results.review = review
      tables.push(reviewTable(review))
      save(null)
      log(`\n${tables.at(-1)}`)
    }
  }

  if (wants('model')) {
    const { analysisTable, runAnalysisSuite } = await import('./model/analysis-suite.js')
    const analysis = runAnalysisSuite(options.quick ? 30 : 200, log)
    results.model = analysis
    tables.push(analysisTable(analysis))
    save(null)
    log(`\n${tables.at(-1)}`)
  }

  if (wants('canvas')) {
    const { canvasTable, canvasUnavailable, runCanvasSuite } = await import(
      './canvas/canvas-suite.js'
    )
    const reason = canvasUnavailable()
    const touchline = SERVER_SPECS.find((spec) => spec.id === 'touchline')
    if (reason || !touchline) {
      log(`\ncanvas skipped: ${reason}`)
      skipped.push({ suite: 'canvas', reason: reason ?? 'no Touchline server spec' })
    } else {
      const canvas = await runCanvasSuite(
        touchline,
        {
          sizes: options.sizes ?? [...CANVAS_SIZES],
          ...(options.quick ? { steps: 16, remoteEdits: 3 } : { steps: 60, remoteEdits: 20 }),
        },
        log,
      )
      results.canvas = canvas
      tables.push(canvasTable(canvas))
      save(null)
      log(`\n${tables.at(-1)}`)
    }
  }

  const finishedAt = new Date()
  const file = save(finishedAt)
  log(
    `\n${((finishedAt.getTime() - startedAt.getTime()) / 1000).toFixed(0)} s; wrote ${relative(repoRoot, file)}`,
  )
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
