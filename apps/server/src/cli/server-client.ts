import type { CliIo } from './cli-io.js'
import { UsageError } from './cli-io.js'

export type RemoteOptions = { server?: string; token?: string }

export type ServerReply =
  | { ok: true; response: Response }
  | { ok: false; message: string; issues: { path: string; message: string }[] }

export const DEFAULT_SERVER = 'http://127.0.0.1:8787'

export function serverBase(io: CliIo, options: RemoteOptions): URL {
  const raw = options.server ?? io.env.TOUCHLINE_SERVER ?? DEFAULT_SERVER
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new UsageError(`invalid --server URL "${raw}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--server must be an http:// or https:// URL, got "${raw}"`)
  }
  return url
}

/** An address on the server, keeping any path prefix the server is mounted under. */
export function serverUrl(io: CliIo, options: RemoteOptions, path: string): URL {
  const base = serverBase(io, options)
  return new URL(path, base.href.endsWith('/') ? base : `${base.href}/`)
}

/** Calls the API, turning network failures and `{ error, issues }` answers into one shape. */
export async function callServer(
  io: CliIo,
  options: RemoteOptions,
  path: string,
  init: RequestInit = {},
): Promise<ServerReply> {
  const base = serverBase(io, options)
  const url = serverUrl(io, options, path)
  const headers = new Headers(init.headers)
  headers.set('accept', 'application/json')
  const token = options.token ?? io.env.TOUCHLINE_TOKEN
  if (token) headers.set('authorization', `Bearer ${token}`)
  let response: Response
  try {
    response = await io.fetch(url, { ...init, headers })
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : ''
    return {
      ok: false,
      message: `cannot reach ${base.origin}${cause ? ` (${cause})` : ''}`,
      issues: [],
    }
  }
  if (response.ok) return { ok: true, response }
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    // Not JSON (a proxy's error page): the status line is all there is to say.
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  const message =
    typeof record.error === 'string' ? record.error : `${response.status} ${response.statusText}`
  const issues = Array.isArray(record.issues)
    ? record.issues.flatMap((issue: unknown) => {
        if (typeof issue !== 'object' || issue === null) return []
        const { path: p, message: m } = issue as Record<string, unknown>
        return typeof m === 'string' ? [{ path: typeof p === 'string' ? p : '', message: m }] : []
      })
    : []
  return { ok: false, message: `server answered ${response.status}: ${message}`, issues }
}

export function reportFailure(
  io: CliIo,
  command: string,
  reply: ServerReply & { ok: false },
): void {
  io.stderr(`touchline ${command}: ${reply.message}\n`)
  for (const issue of reply.issues) io.stderr(`  ${issue.path || '(file)'}: ${issue.message}\n`)
}
