import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

/**
 * Starts a worker thread running `moduleUrl`. Built, that is a compiled `.js` module; run
 * from source (the tests, `pnpm dev`), it is a `.ts` file, which the thread loads through
 * tsx: Node 20 does not apply a loader named in a worker's `execArgv` to its entry module.
 */
export function spawnWorker(moduleUrl: URL, workerData: unknown): Worker {
  if (!moduleUrl.pathname.endsWith('.ts')) return new Worker(moduleUrl, { workerData })
  // The ES module build of tsx's API: the CommonJS one registers its loader by a wrong path.
  const tsx = pathToFileURL(createRequire(moduleUrl).resolve('tsx/esm/api')).href.replace(
    /\.cjs$/,
    '.mjs',
  )
  const load = `import(${JSON.stringify(tsx)}).then(({ tsImport }) =>
    tsImport(${JSON.stringify(moduleUrl.href)}, ${JSON.stringify(tsx)}))`
  return new Worker(load, { eval: true, workerData })
}
