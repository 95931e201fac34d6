import { readFileSync } from 'node:fs'

/** The package version, read once from package.json (same relative place from src/ and dist/). */
export function serverVersion(): string {
  const raw: unknown = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  )
  const version = typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'version') : undefined
  return typeof version === 'string' ? version : '0.0.0'
}
