// Builds the bare React Flow page with Vite and serves it, with the graph it shows, from a
// loopback HTTP server.
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { build } from 'vite'
import { benchRoot } from '../paths.js'
import { bareGraph } from './graph.js'

const outDir = join(benchRoot, 'dist', 'baseline')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

export interface BaselineServer {
  url(touchpoints: number): string
  close(): Promise<void>
}

export async function startBaselineServer(): Promise<BaselineServer> {
  await build({
    root: benchRoot,
    // React Flow's "use client" directive draws a bundler warning that means nothing here.
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: { input: join(benchRoot, 'baseline.html') },
    },
  })
  const graphs = new Map<number, string>()
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (url.pathname === '/graph.json') {
      const size = Number(url.searchParams.get('n') ?? 500)
      let body = graphs.get(size)
      if (!body) {
        body = JSON.stringify(bareGraph(size))
        graphs.set(size, body)
      }
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(body)
      return
    }
    const path = url.pathname === '/' ? '/baseline.html' : url.pathname
    const file = normalize(join(outDir, path))
    if (!file.startsWith(outDir)) {
      response.writeHead(403).end()
      return
    }
    try {
      const body = readFileSync(file)
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      })
      response.end(body)
    } catch {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: (touchpoints) => `http://127.0.0.1:${port}/?n=${touchpoints}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
