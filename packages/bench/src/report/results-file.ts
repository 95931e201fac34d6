import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { resultsDir } from '../paths.js'

/** Writes bench/results/<timestamp>.json and bench/results/latest.json; returns the first. */
export function writeResults(results: unknown, startedAt: Date): string {
  mkdirSync(resultsDir, { recursive: true })
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-')
  const file = join(resultsDir, `${stamp}.json`)
  const text = `${JSON.stringify(results, null, 2)}\n`
  writeFileSync(file, text)
  writeFileSync(join(resultsDir, 'latest.json'), text)
  return file
}
