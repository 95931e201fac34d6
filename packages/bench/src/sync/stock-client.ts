// The stock y-websocket client, as the web app holds its sockets, for suites that measure
// what a real client sees rather than what the load generator's wire-level client reads.
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { withTimeout } from './with-timeout.js'

const SYNC_TIMEOUT_MS = 15_000

export interface StockClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Resolves once the server's state has arrived; rejects 15 s after the call. */
  synced(): Promise<void>
  destroy(): void
}

/** Connects to `${serverUrl}/${room}`, as `new WebsocketProvider(serverUrl, room, doc)` does. */
export function stockClient(serverUrl: string, room: string): StockClient {
  // Each provider listens for the process's exit until destroyed; dozens at once are
  // intended here, not the leak Node warns of beyond 10.
  process.setMaxListeners(process.getMaxListeners() + 1)
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(serverUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // One process holds every client: a BroadcastChannel would sync them past the server.
    disableBc: true,
  })
  return {
    doc,
    provider,
    synced: () =>
      withTimeout(
        new Promise<void>((resolve) => {
          if (provider.synced) resolve()
          else provider.once('sync', () => resolve())
        }),
        SYNC_TIMEOUT_MS,
        `the y-websocket client of ${room} did not sync within ${SYNC_TIMEOUT_MS / 1000} s`,
      ),
    destroy: () => {
      provider.destroy()
      doc.destroy()
      process.setMaxListeners(process.getMaxListeners() - 1)
    },
  }
}
