import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const SERVER_ROOT = fileURLToPath(new URL('../..', import.meta.url))

export type ChildServer = {
  child: ChildProcess
  port: number
  syncUrl: string
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Every JSON log line the server printed. */
  logs: Record<string, unknown>[]
}

export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const address = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

/**
 * `touchline serve` in its own process (the CLI, from source through tsx), so it can be
 * killed for real. Resolves once it has logged that it is listening.
 */
export async function startChildServer(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    ['--conditions=@touchline/source', '--import', 'tsx', join(SERVER_ROOT, 'src/cli.ts'), 'serve'],
    {
      cwd: SERVER_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        PORT: String(port),
        HOST: '127.0.0.1',
        TOUCHLINE_DATA_DIR: dataDir,
        TOUCHLINE_WEB_DIST: join(dataDir, 'no-web-build'),
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const logs: Record<string, unknown>[] = []
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }))
  })
  const listening = new Promise<void>((resolve, reject) => {
    let buffered = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        if (line.trim() === '') continue
        const entry = JSON.parse(line) as Record<string, unknown>
        logs.push(entry)
        if (entry.msg === 'listening') resolve()
      }
    })
    void exited.then(({ code }) => reject(new Error(`server exited (${code}): ${stderr}`)))
  })
  await listening
  return { child, port, syncUrl: `ws://127.0.0.1:${port}/sync`, exited, logs }
}
