import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { type AddressInfo, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createJourneyDoc, exportJourney } from '@touchline/model'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'

/** The built CLI, exactly as users run it. */
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const SECRET = 'serve-test-secret-0123456789'
let dir: string
let child: ChildProcess
let output = ''
let server: string
let token: string

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

beforeAll(async () => {
  if (!existsSync(CLI)) {
    throw new Error(`${CLI} is missing: run "pnpm --filter @touchline/server build" first`)
  }
  dir = mkdtempSync(join(tmpdir(), 'touchline-serve-'))
  const doc = createJourneyDoc({ title: 'Round trip' })
  const file = exportJourney(doc)
  writeFileSync(join(dir, 'good.json'), JSON.stringify(file))
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...file, format: 'other' }))
  token = run(['token', '--journey', '*', '--role', 'editor', '--ttl', '1h'], {
    TOUCHLINE_SECRET: SECRET,
  }).stdout.trim()

  child = spawn(process.execPath, [CLI, 'serve'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      TOUCHLINE_DATA_DIR: join(dir, 'data'),
      TOUCHLINE_SECRET: SECRET,
      // Everything the server can say, to prove that no token is ever among it.
      LOG_LEVEL: 'trace',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.setEncoding('utf8')
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (chunk: string) => {
    output += chunk
  })
  server = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)))
    child.stdout?.on('data', (chunk: string) => {
      output += chunk
      for (const line of output.split('\n')) {
        if (!line.startsWith('{')) continue
        const entry = JSON.parse(line) as { msg?: string; port?: number }
        if (entry.msg === 'listening') resolve(`http://127.0.0.1:${entry.port}`)
      }
    })
  })
})

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

describe('touchline serve, import and export', () => {
  it('imports a file and exports it again', () => {
    const imported = run(['import', 'good.json', '--server', server, '--token', token])
    expect(imported.code).toBe(0)
    const id = imported.stdout.trim()
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(imported.stderr).toContain(`${server}/j/${id}`)

    const exported = run(['export', id, '--out', 'out.json'], {
      TOUCHLINE_SERVER: server,
      TOUCHLINE_TOKEN: token,
    })
    expect(exported.code).toBe(0)
    const text = readFileSync(join(dir, 'out.json'), 'utf8')
    expect(text.endsWith('}\n')).toBe(true)
    expect(JSON.parse(text).journey.title).toBe('Round trip')
    expect(run(['validate', 'out.json']).code).toBe(0)

    const toStdout = run(['export', id, '--server', server, '--token', token])
    expect(JSON.parse(toStdout.stdout).journey.title).toBe('Round trip')
  })

  it('prints the issues of a refused import', () => {
    const { code, stderr } = run(['import', 'bad.json', '--server', server, '--token', token])
    expect(code).toBe(1)
    expect(stderr).toMatch(/server answered 400: .*\n {2}format: /)
  })

  it('reports a missing token and an unknown journey', () => {
    const denied = run(['import', 'good.json', '--server', server])
    expect(denied.code).toBe(1)
    expect(denied.stderr).toContain('server answered 401: missing token')
    const missing = run(['export', 'nope', '--server', server, '--token', token])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('server answered 404')
  })

  it('reports a server that cannot be reached', () => {
    const { code, stderr } = run(['export', 'x', '--server', 'http://127.0.0.1:9'])
    expect(code).toBe(1)
    expect(stderr).toContain('cannot reach http://127.0.0.1:9')
  })

  it('never logs a token, even one in the query string', async () => {
    await fetch(`${server}/api/journeys?token=${encodeURIComponent(token)}`)
    await fetch(`${server}/api/journeys`, { headers: { authorization: `Bearer ${token}` } })
    // Sockets too, accepted (then closed as an unknown journey) and refused before upgrade.
    const sync = `${server.replace(/^http/, 'ws')}/sync/no-such-journey`
    for (const url of [`${sync}?token=${token}`, `${sync}?token=${token}x`]) {
      const socket = new WebSocket(url)
      socket.on('error', () => {})
      await new Promise((resolve) => socket.once('close', resolve))
    }
    // Wait for every request's log line, so nothing logged about these requests is missed.
    const logged = (pattern: RegExp) => (output.match(pattern) ?? []).length
    while (
      logged(/"path":"\/api\/journeys","status":200/g) < 2 ||
      logged(/"path":"\/sync\/no-such-journey"/g) < 2 ||
      logged(/"msg":"room unloaded"/g) < 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(output).toContain('"msg":"listening"')
    expect(output).not.toContain(token)
    expect(output).not.toContain(token.split('.')[2])
  })

  it('stops with exit code 0 on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })
})

describe('touchline serve configuration', () => {
  it('refuses a network bind without a secret', () => {
    const { code, stderr } = run(['serve'], { HOST: '0.0.0.0', PORT: '0' })
    expect(code).toBe(2)
    expect(stderr).toContain('TOUCHLINE_SECRET')
  })

  it('explains a port that is already taken', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const { port } = blocker.address() as AddressInfo
    try {
      const { code, stderr } = run(['serve'], { PORT: String(port), LOG_LEVEL: 'silent' })
      expect(code).toBe(1)
      expect(stderr).toContain(`127.0.0.1:${port} is already in use`)
    } finally {
      blocker.close()
    }
  })

  it('reports every configuration problem at once', () => {
    const { code, stderr } = run(['serve'], { PORT: 'eighty', TOUCHLINE_STORAGE: 'floppy' })
    expect(code).toBe(2)
    expect(stderr).toContain('PORT')
    expect(stderr).toContain('TOUCHLINE_STORAGE')
  })
})
