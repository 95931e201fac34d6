import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { identityKey } from './identity-key.js'

const dirs: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'touchline-identity-'))
  dirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

describe('identityKey', () => {
  it('derives the key from the secret, the same on every instance and unlike it', () => {
    const config = {
      secret: 'a-long-enough-test-secret',
      storage: 'postgres',
      dataDir: '/x',
    } as const
    expect(identityKey(config).equals(identityKey(config))).toBe(true)
    expect(identityKey(config).toString('utf8')).not.toContain(config.secret)
    expect(identityKey({ ...config, secret: 'another-long-test-secret' })).not.toEqual(
      identityKey(config),
    )
  })

  it('keeps a random key in identity.key for SQLite storage, readable only by its owner', () => {
    const dataDir = join(tempDir(), 'data')
    const config = { secret: undefined, storage: 'sqlite', dataDir } as const
    const first = identityKey(config)
    expect(first.length).toBe(32)
    expect(identityKey(config).equals(first)).toBe(true)
    const file = join(dataDir, 'identity.key')
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toString('base64url'))
    expect(statSync(file).mode & 0o077).toBe(0)
  })

  it('refuses a damaged key file rather than replacing it', () => {
    const dataDir = tempDir()
    writeFileSync(join(dataDir, 'identity.key'), 'short\n')
    expect(() => identityKey({ secret: undefined, storage: 'sqlite', dataDir })).toThrow(
      /does not hold an identity key/,
    )
  })

  it('makes a key per process for memory storage', () => {
    const config = { secret: undefined, storage: 'memory', dataDir: '/nowhere' } as const
    expect(identityKey(config).equals(identityKey(config))).toBe(false)
  })
})
