import { describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { monitorConnection } from './connection-monitor.js'

type Listener = (...args: unknown[]) => void

/** The parts of the stock provider the monitor reads, with a way to emit its events. */
class FakeProvider {
  wsconnected = true
  synced = true
  wsUnsuccessfulReconnects = 0
  ws: WebSocket | null = null
  messageHandlers: unknown[] = []
  disconnects = 0
  private readonly listeners = new Map<string, Set<Listener>>()

  on(name: string, listener: Listener): void {
    const set = this.listeners.get(name) ?? new Set()
    set.add(listener)
    this.listeners.set(name, set)
  }

  off(name: string, listener: Listener): void {
    this.listeners.get(name)?.delete(listener)
  }

  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) listener(...args)
  }

  disconnect(): void {
    this.disconnects += 1
  }

  connect(): void {
    this.wsconnected = true
  }
}

function monitored() {
  const provider = new FakeProvider()
  const monitor = monitorConnection(new Y.Doc(), provider as unknown as WebsocketProvider, {
    remoteOrigins: new Set(),
    marker: { read: () => false, write: () => undefined },
  })
  return { provider, monitor }
}

describe('monitorConnection', () => {
  it('tells why the server closed a revoked link, and will not reconnect it', () => {
    const { provider, monitor } = monitored()
    provider.wsconnected = false
    provider.emit('connection-close', { code: 4403, reason: 'link revoked' })

    const snapshot = monitor.getSnapshot()
    expect(snapshot.state).toBe('offline')
    expect(snapshot.refusal?.code).toBe(4403)
    expect(snapshot.refusal?.message).toMatch(/revoked by an editor/)
    monitor.retry()
    expect(provider.disconnects).toBe(0)
  })

  it('takes a dropped connection for a pause, not a refusal', () => {
    const { provider, monitor } = monitored()
    provider.wsconnected = false
    provider.emit('connection-close', { code: 1006, reason: '' })
    expect(monitor.getSnapshot().refusal).toBeNull()
  })
})
