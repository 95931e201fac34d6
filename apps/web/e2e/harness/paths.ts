import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

export const WEB_ROOT = resolve(here, '../..')
export const REPO_ROOT = resolve(WEB_ROOT, '../..')
export const SERVER_CLI = resolve(REPO_ROOT, 'apps/server/dist/cli.js')
export const WEB_DIST = resolve(WEB_ROOT, 'dist')

/** The tests run the built product; say how to build it rather than failing obscurely. */
export function assertBuilt(): void {
  if (!existsSync(SERVER_CLI)) {
    throw new Error(`${SERVER_CLI} is missing: run \`pnpm --filter @touchline/server build\``)
  }
  if (!existsSync(resolve(WEB_DIST, 'index.html'))) {
    throw new Error(`${WEB_DIST}/index.html is missing: run \`pnpm --filter @touchline/web build\``)
  }
}
