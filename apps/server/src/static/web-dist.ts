import { fileURLToPath } from 'node:url'

/**
 * Where the web app's build lands in this repository, found from this file so the
 * server works whatever directory it is started from (src/ under tsx, dist/ under node).
 */
export function defaultWebDist(): string {
  return fileURLToPath(new URL('../../../web/dist', import.meta.url))
}
