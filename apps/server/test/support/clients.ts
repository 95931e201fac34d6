import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { decodeMessage, encodeSyncStep1 } from '../../src/protocol/index.js'

export type Client = {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Everything this client received from the server (never its own edits). */
  received: Y.Doc
  closes: number[]
  destroy(): void
}

/** The stock y-websocket client, with the `ws` package as its WebSocket in Node. */
export function connectClient(
  syncUrl: string,
  journeyId: string,
  options: { params?: Record<string, string> } = {},
): Client {
  const doc = new Y.Doc()
  const received = new Y.Doc()
  const closes: number[] = []
  const provider = new WebsocketProvider(syncUrl, journeyId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
    params: options.params ?? {},
  })
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === provider) Y.applyUpdate(received, update)
  })
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code)
  })
  return {
    doc,
    provider,
    received,
    closes,
    destroy() {
      provider.destroy()
      doc.destroy()
      received.destroy()
    },
  }
}

export function synced(client: Client): Promise<void> {
  if (client.provider.synced) return Promise.resolve()
  return new Promise((resolve) => {
    const onSync = (state: boolean) => {
      if (!state) return
      client.provider.off('sync', onSync)
      resolve()
    }
    client.provider.on('sync', onSync)
  })
}

/** Same content: equal state vectors and delete sets. */
export function sameState(a: Y.Doc, b: Y.Doc): boolean {
  return Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b))
}

/**
 * Sends a sync step 1 on the client's own socket and waits for the server's answer. The
 * server reads a socket's frames in order and answers a step 1 once everything before it
 * is stored, so whatever the client sent before has been applied (or dropped) by then.
 */
export function roundTrip(client: Client): Promise<void> {
  const ws = client.provider.ws
  if (ws === null) return Promise.reject(new Error('the client is not connected'))
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (!(event.data instanceof ArrayBuffer)) return
      if (decodeMessage(new Uint8Array(event.data)).type !== 'sync-step-2') return
      ws.removeEventListener('message', onMessage)
      resolve()
    }
    ws.addEventListener('message', onMessage)
    ws.send(encodeSyncStep1(Y.encodeStateVector(client.doc)))
  })
}
