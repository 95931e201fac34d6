import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createJourneyDoc, exportJourney } from '@touchline/model'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyToken } from '../auth/index.js'

/** The built CLI, exactly as users run it. */
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const SECRET = 'cli-test-secret-0123456789'
let dir: string

function run(args: string[], env: Record<string, string> = {}, input = '') {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    input,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

beforeAll(() => {
  if (!existsSync(CLI)) {
    throw new Error(`${CLI} is missing: run "pnpm --filter @touchline/server build" first`)
  }
  dir = mkdtempSync(join(tmpdir(), 'touchline-cli-'))
  const doc = createJourneyDoc({ title: 'Kept in git' })
  const file = exportJourney(doc)
  writeFileSync(join(dir, 'good.json'), JSON.stringify(file, null, 2))
  const broken = {
    ...file,
    journey: {
      ...file.journey,
      title: '',
      stages: file.journey.stages.map((stage, i) => (i === 1 ? { ...stage, name: '' } : stage)),
    },
  }
  writeFileSync(join(dir, 'bad.json'), JSON.stringify(broken))
  writeFileSync(join(dir, 'garbage.json'), '{"format": ')
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('touchline validate', () => {
  it('accepts a valid file with exit code 0', () => {
    const { code, stdout } = run(['validate', 'good.json'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^good\.json: valid \("Kept in git": 0 personas, \d+ stages/)
  })

  it('lists every issue of an invalid file with exit code 1', () => {
    const { code, stdout } = run(['validate', 'good.json', 'bad.json'])
    expect(code).toBe(1)
    expect(stdout).toContain('good.json: valid')
    const lines = stdout.split('\n')
    const header = lines.find((l) => l.startsWith('bad.json: '))
    expect(header).toMatch(/^bad\.json: \d+ issues?$/)
    expect(stdout).toMatch(/\n {2}title: /)
    expect(stdout).toContain('\n  stages[1].name: ')
  })

  it('reports unreadable files as issues', () => {
    const { code, stdout } = run(['validate', 'garbage.json', 'missing.json'])
    expect(code).toBe(1)
    expect(stdout).toContain('garbage.json: 1 issue\n  (file): not valid JSON')
    expect(stdout).toContain('missing.json: 1 issue\n  (file): file not found')
  })

  it('prints machine-readable results with --json', () => {
    const { code, stdout } = run(['validate', '--json', 'bad.json'])
    expect(code).toBe(1)
    const [result] = JSON.parse(stdout) as Array<{ file: string; ok: boolean; issues: unknown[] }>
    expect(result).toMatchObject({ file: 'bad.json', ok: false })
    expect(result?.issues.length).toBeGreaterThan(0)
  })

  it('reads standard input for "-"', () => {
    const good = readFileSync(join(dir, 'good.json'), 'utf8')
    expect(run(['validate', '-'], {}, good)).toMatchObject({ code: 0 })
    const bad = run(['validate', '-'], {}, '[1, 2')
    expect(bad.code).toBe(1)
    expect(bad.stdout).toContain('-: 1 issue\n  (file): not valid JSON')
  })

  it('needs a file', () => {
    const { code, stderr } = run(['validate'])
    expect(code).toBe(2)
    expect(stderr).toContain('validate needs at least one FILE')
  })
})

describe('touchline token', () => {
  it('mints a token the server accepts', () => {
    const { code, stdout, stderr } = run(
      ['token', '--journey', 'j1', '--role', 'commenter', '--ttl', '2h'],
      { TOUCHLINE_SECRET: SECRET },
    )
    expect(code).toBe(0)
    expect(stderr).toMatch(/^commenter token for journey j1, expires \d{4}-/)
    const now = Math.floor(Date.now() / 1000)
    const check = verifyToken(SECRET, stdout.trim(), now)
    expect(check).toMatchObject({ ok: true, claims: { journey: 'j1', role: 'commenter' } })
    if (check.ok) expect(check.claims.expiresAt - now).toBeGreaterThan(7100)
  })

  it('mints an all-journeys token', () => {
    const { code, stdout } = run(['token', '--journey', '*', '--role', 'editor'], {
      TOUCHLINE_SECRET: SECRET,
    })
    expect(code).toBe(0)
    expect(verifyToken(SECRET, stdout.trim(), 0)).toMatchObject({ claims: { journey: '*' } })
  })

  it('refuses without a secret, or with bad options', () => {
    expect(run(['token', '--journey', 'j1', '--role', 'viewer']).code).toBe(2)
    const env = { TOUCHLINE_SECRET: SECRET }
    const badRole = run(['token', '--journey', 'j1', '--role', 'owner'], env)
    expect(badRole.code).toBe(2)
    expect(badRole.stderr).toContain('--role viewer|commenter|editor')
    expect(run(['token', '--journey', 'j1', '--role', 'viewer', '--ttl', '10y'], env).code).toBe(2)
    expect(run(['token', '--journey', '../etc', '--role', 'viewer'], env).code).toBe(2)
    expect(run(['token', '--role', 'viewer'], env).code).toBe(2)
    const short = run(['token', '--journey', 'j1', '--role', 'viewer'], { TOUCHLINE_SECRET: 'x' })
    expect(short.code).toBe(2)
    expect(short.stderr).toContain('at least 16 characters')
  })
})

describe('usage', () => {
  it('prints help with exit code 0', () => {
    const { code, stdout } = run(['--help'])
    expect(code).toBe(0)
    expect(stdout).toContain('touchline validate FILE')
  })

  it('refuses unknown commands and options with exit code 2', () => {
    expect(run([]).code).toBe(2)
    const unknown = run(['frobnicate'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('unknown command "frobnicate"')
    for (const inherited of ['constructor', 'toString', '__proto__']) {
      expect(run([inherited]).stderr).toContain(`unknown command "${inherited}"`)
    }
    expect(run(['validate', '--verbose', 'good.json']).code).toBe(2)
    expect(run(['validate', '--out', 'x', 'good.json']).stderr).toContain(
      'validate does not take --out',
    )
  })
})
