// Starts one server under test as a child process and gives the harness what it needs from
// it: its address, rooms, its CPU/RSS (from /proc) and event-loop delay (from the preload).
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { childrenDist } from '../paths.js'
import type { ServerSpec } from './server-specs.js'

export interface LoopDelay {
  p50: number
  p99: number
  max: number
  mean: number
}

export interface StartOptions {
  /** Reuse a data directory (cold load); otherwise a fresh one is made and removed on stop. */
  dataDir?: string
  /** Extra environment, over the spec's own. */
  env?: Record<string, string>
}

/**
 * Where servers write V8 CPU profiles (`--cpu-prof`), or null: set once by the command line,
 * for every server the run starts. A profile is written when the server exits.
 */
let cpuProfileDir: string | null = null

export function profileServersInto(dir: string | null): void {
  cpuProfileDir = dir
}

const HOST = '127.0.0.1'
const READY_TIMEOUT_MS = 30_000

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, HOST, () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, HOST)
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

function isLoopDelay(message: unknown): message is LoopDelay & { type: 'bench:loop' } {
  return (
    typeof message === 'object' &&
    message !== null &&
    'type' in message &&
    message.type === 'bench:loop'
  )
}

export class RunningServer {
  private output = ''
  private exited = false
  private readonly ownsDataDir: boolean
  private roomCount = 0

  private constructor(
    readonly spec: ServerSpec,
    readonly port: number,
    readonly dataDir: string,
    private readonly child: ChildProcess,
    ownsDataDir: boolean,
  ) {
    this.ownsDataDir = ownsDataDir
    const keep = (chunk: Buffer) => {
      // Only the tail is kept, for error messages; reading keeps the pipe from filling up.
      this.output = (this.output + chunk.toString('utf8')).slice(-4000)
    }
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    child.once('exit', () => {
      this.exited = true
    })
  }

  /** Milliseconds from spawn until the port accepted a connection. */
  startupMs = 0

  static async start(spec: ServerSpec, options: StartOptions = {}): Promise<RunningServer> {
    const port = await freePort()
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), `touchline-bench-${spec.id}-`))
    const { args, env } = spec.launch(dataDir)
    const preload = pathToFileURL(join(childrenDist, 'loop-delay.js')).href
    const startedAt = performance.now()
    const profile = cpuProfileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${join(cpuProfileDir, spec.id)}`]
      : []
    const child = spawn(process.execPath, [...profile, '--import', preload, ...args], {
      // Not the harness's environment: a REDIS_URL or TOUCHLINE_* exported in the shell
      // would change the server under test, or stop it from starting.
      env: {
        PATH: process.env.PATH ?? '',
        ...env,
        ...options.env,
        PORT: String(port),
        HOST,
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    })
    const server = new RunningServer(spec, port, dataDir, child, options.dataDir === undefined)
    const deadline = startedAt + READY_TIMEOUT_MS
    while (!(await canConnect(port))) {
      if (server.exited) throw new Error(`${spec.label} exited on start:\n${server.output}`)
      if (performance.now() > deadline) {
        await server.stop()
        throw new Error(
          `${spec.label} did not listen within ${READY_TIMEOUT_MS} ms:\n${server.output}`,
        )
      }
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    server.startupMs = performance.now() - startedAt
    return server
  }

  get pid(): number {
    return this.child.pid ?? -1
  }

  get origin(): string {
    return `ws://${HOST}:${this.port}`
  }

  get httpOrigin(): string {
    return `http://${HOST}:${this.port}`
  }

  /** The tail of what the server printed, for diagnostics. */
  get log(): string {
    return this.output
  }

  socketUrl(room: string): string {
    return this.spec.socketUrl(this.origin, room)
  }

  /** A new empty room: a journey created over the API on Touchline, a fresh name elsewhere. */
  async createRoom(title: string): Promise<string> {
    this.roomCount += 1
    if (!this.spec.createsRoomsOverHttp) return `bench-${this.roomCount}`
    const response = await fetch(`${this.httpOrigin}/api/journeys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title }),
    })
    const body: unknown = await response.json()
    if (response.status !== 201 || typeof body !== 'object' || body === null || !('id' in body)) {
      throw new Error(
        `${this.spec.label}: POST /api/journeys -> ${response.status} ${JSON.stringify(body)}`,
      )
    }
    return String(body.id)
  }

  resetLoopDelay(): void {
    if (this.child.connected) this.child.send({ type: 'bench:loop-reset' })
  }

  loopDelay(): Promise<LoopDelay | null> {
    if (!this.child.connected) return Promise.resolve(null)
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.child.off('message', onMessage)
        resolve(null)
      }, 2000)
      const onMessage = (message: unknown) => {
        if (!isLoopDelay(message)) return
        clearTimeout(timer)
        this.child.off('message', onMessage)
        resolve({ p50: message.p50, p99: message.p99, max: message.max, mean: message.mean })
      }
      this.child.on('message', onMessage)
      this.child.send({ type: 'bench:loop-report' })
    })
  }

  /** SIGTERM (Touchline flushes its store on it), then SIGKILL if it lingers. */
  async stop(): Promise<void> {
    if (!this.exited) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()))
      this.child.kill('SIGTERM')
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    }
    if (this.ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true })
  }
}
