import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.js'
import { createLogger } from '../src/log.js'
import { startServer } from '../src/server.js'
import { freePort, startChildServer } from './support/child-server.js'
import { type Client, connectClient, synced } from './support/clients.js'
import { removeTempDirs, tempDataDir, waitFor } from './support/server.js'

afterAll(removeTempDirs)

function capture(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) {
        if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>)
      }
      done()
    },
  })
  return { lines, stream }
}

describe('startServer', () => {
  it('logs one JSON line when listening, runs on memory storage and closes once', async () => {
    const { lines, stream } = capture()
    const config = loadConfig({ PORT: '0', TOUCHLINE_STORAGE: 'memory', LOG_LEVEL: 'info' })
    const server = await startServer(config, { logger: createLogger('info', stream) })
    const listening = lines.find((line) => line.msg === 'listening')
    expect(listening).toMatchObject({ port: server.port, level: 'info', storage: 'memory' })
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`)

    const created = await fetch(`${server.url}/api/journeys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'In memory' }),
    })
    const { id } = (await created.json()) as { id: string }
    const client: Client = connectClient(`${server.url.replace('http', 'ws')}/sync`, id)
    await synced(client)
    expect(client.doc.getMap('meta').get('title')).toBe('In memory')

    await Promise.all([server.close(), server.close()])
    await waitFor(() => client.closes.includes(1001), 'going-away close')
    client.destroy()
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow()
    expect(lines.some((line) => line.msg === 'stopped')).toBe(true)
  })

  it('rejects when the port is taken, leaving the first server running', async () => {
    const dataDir = tempDataDir()
    const first = await startServer(
      loadConfig({ PORT: '0', TOUCHLINE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    )
    await expect(
      startServer(
        loadConfig({
          PORT: String(first.port),
          TOUCHLINE_DATA_DIR: tempDataDir(),
          LOG_LEVEL: 'silent',
        }),
      ),
    ).rejects.toThrow(/EADDRINUSE/)
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200)
    await first.close()
  })

  it('keeps a second server process off its data directory, naming the file', async () => {
    const dataDir = tempDataDir()
    const first = await startServer(
      loadConfig({ PORT: '0', TOUCHLINE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    )
    try {
      await expect(startChildServer(dataDir, await freePort())).rejects.toThrow(
        `server exited (1): touchline: ${join(dataDir, 'touchline.db')} is in use by another Touchline server`,
      )
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200)
    } finally {
      await first.close()
    }
  })
})
