import { createHmac, randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { ServerConfig } from '../config.js'

const KEY_FILE = 'identity.key'
const KEY_BYTES = 32

/**
 * The key identity tokens are signed with. With `TOUCHLINE_SECRET`, one derived from it,
 * so every instance agrees and access tokens and identities never share a key. Without
 * one, SQLite storage keeps a random key in `identity.key` beside the database, so
 * identities survive restarts as the journeys do; memory storage (and PostgreSQL without
 * a secret, whose instances could not agree on a file) gets a key for this process only.
 */
export function identityKey(config: Pick<ServerConfig, 'secret' | 'storage' | 'dataDir'>): Buffer {
  if (config.secret !== undefined) {
    return createHmac('sha256', config.secret).update('touchline identity key').digest()
  }
  if (config.storage !== 'sqlite') return randomBytes(KEY_BYTES)
  return keyFile(join(config.dataDir, KEY_FILE))
}

function keyFile(path: string): Buffer {
  const stored = readKey(path)
  if (stored !== null) return stored
  const key = randomBytes(KEY_BYTES)
  // Written whole or not at all: a crash mid-write must not leave a short key behind.
  const partial = `${path}.${process.pid}.tmp`
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(partial, `${key.toString('base64url')}\n`, { mode: 0o600 })
  renameSync(partial, path)
  return key
}

function readKey(path: string): Buffer | null {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  const key = Buffer.from(text.trim(), 'base64url')
  if (key.length < KEY_BYTES) {
    throw new Error(
      `${path} does not hold an identity key; delete it to have a new one made (everybody then registers again)`,
    )
  }
  return key
}
