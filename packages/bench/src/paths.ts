import { fileURLToPath } from 'node:url'

/** packages/bench */
export const benchRoot = fileURLToPath(new URL('..', import.meta.url))
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
/** The server-side helper scripts, compiled to plain JS so every server runs without a loader. */
export const childrenDist = fileURLToPath(new URL('../dist/children/', import.meta.url))
export const resultsDir = fileURLToPath(new URL('../../../bench/results/', import.meta.url))
export const touchlineCli = fileURLToPath(
  new URL('../../../apps/server/dist/cli.js', import.meta.url),
)
export const webDist = fileURLToPath(new URL('../../../apps/web/dist/', import.meta.url))
