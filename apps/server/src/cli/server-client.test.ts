import { describe, expect, it } from 'vitest'
import type { CliIo } from './cli-io.js'
import { serverUrl } from './server-client.js'

function io(env: Record<string, string> = {}): CliIo {
  return {
    stdout: () => {},
    stderr: () => {},
    stdin: (async function* () {})(),
    env,
    cwd: '/',
    fetch: globalThis.fetch,
  }
}

describe('serverUrl', () => {
  it('defaults to the local server, then the environment, then --server', () => {
    expect(serverUrl(io(), {}, 'api/health').href).toBe('http://127.0.0.1:8787/api/health')
    const env = io({ TOUCHLINE_SERVER: 'https://touchline.example.com' })
    expect(serverUrl(env, {}, 'api/health').href).toBe('https://touchline.example.com/api/health')
    expect(serverUrl(env, { server: 'http://localhost:9000' }, 'j/x').href).toBe(
      'http://localhost:9000/j/x',
    )
  })

  it('keeps the path a server is mounted under', () => {
    expect(serverUrl(io(), { server: 'https://example.com/touchline' }, 'api/journeys').href).toBe(
      'https://example.com/touchline/api/journeys',
    )
  })

  it('refuses anything but an http(s) URL', () => {
    expect(() => serverUrl(io(), { server: 'ftp://example.com' }, 'x')).toThrow(/http/)
    expect(() => serverUrl(io(), { server: 'not a url' }, 'x')).toThrow(/invalid --server/)
  })
})
