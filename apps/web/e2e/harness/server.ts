import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './free-port.js'
import { assertBuilt, REPO_ROOT, SERVER_CLI, WEB_DIST } from './paths.js'

export interface RunningServer {
  port: number
  url: string
  dataDir: string
  /** Stops the process (SIGTERM, so it flushes) and waits for it to exit. */
  stop(): Promise<void>
  /** Starts it again on the same port and data directory, as after a deploy or a crash. */
  start(): Promise<void>
  /** Stops it and deletes its data. */
  dispose(): Promise<void>
  /** Everything the server logged, for failure messages. */
  logs(): string
}

const START_TIMEOUT_MS = 30_000

/**
 * Runs the real server (`node apps/server/dist/cli.js serve`) serving the built web app, on a
 * free loopback port with its own temporary SQLite directory. Its logs are captured, not
 * printed, and shown only when it fails to start.
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  assertBuilt()
  const port = await freePort()
  const dataDir = await mkdtemp(join(tmpdir(), 'touchline-e2e-'))
  const url = `http://127.0.0.1:${port}`
  let child: ChildProcess | null = null
  let output = ''

  async function start(): Promise<void> {
    if (child) return
    const proc = spawn(process.execPath, [SERVER_CLI, 'serve'], {
      cwd: REPO_ROOT,
      // Not the test runner's environment: a REDIS_URL or TOUCHLINE_* exported in the shell
      // would change the server under test, or stop it from starting.
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        HOST: '127.0.0.1',
        TOUCHLINE_DATA_DIR: dataDir,
        TOUCHLINE_WEB_DIST: WEB_DIST,
        TOUCHLINE_STORAGE: 'sqlite',
        LOG_LEVEL: 'info',
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child = proc
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        proc.kill('SIGKILL')
        reject(
          new Error(`server did not report listening within ${START_TIMEOUT_MS} ms:\n${output}`),
        )
      }, START_TIMEOUT_MS)
      const onData = (chunk: Buffer) => {
        output += chunk.toString()
        if (/"msg"\s*:\s*"listening"/.test(output.slice(-4096))) {
          clearTimeout(timer)
          resolve()
        }
      }
      proc.stdout?.on('data', onData)
      proc.stderr?.on('data', onData)
      proc.once('exit', (code, signal) => {
        clearTimeout(timer)
        if (child === proc) child = null
        reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`))
      })
    })
  }

  async function stop(): Promise<void> {
    const proc = child
    if (!proc) return
    child = null
    if (proc.exitCode !== null || proc.signalCode !== null) return
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => proc.kill('SIGKILL'), 10_000)
      proc.once('exit', () => {
        clearTimeout(force)
        resolve()
      })
      proc.kill('SIGTERM')
    })
  }

  try {
    await start()
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true })
    throw error
  }
  return {
    port,
    url,
    dataDir,
    start,
    stop,
    async dispose() {
      await stop()
      await rm(dataDir, { recursive: true, force: true })
    },
    logs: () => output,
  }
}
