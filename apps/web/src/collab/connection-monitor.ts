import { messageSync, type WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { type Refusal, refusalFor } from './close-reasons.js'
import type { UnsentMarker } from './unsent-marker.js'

export type ConnectionState = 'connected' | 'connecting' | 'offline'

export interface ConnectionSnapshot {
  state: ConnectionState
  /** Local edits exist that the server has not been sent yet (they are safe in IndexedDB). */
  unsent: boolean
  /** Set when the server refused the journey for good; retrying will not help. */
  refusal: Refusal | null
  /** Whether this session has completed a sync with the server at least once. */
  hasSynced: boolean
}

export interface ConnectionMonitor {
  getSnapshot(): ConnectionSnapshot
  subscribe(listener: () => void): () => void
  /** Try to reconnect now instead of waiting for the next back-off step. */
  retry(): void
  destroy(): void
}

export interface MonitorOptions {
  /** Updates with these origins are not local edits (they came from the server or from disk). */
  remoteOrigins: ReadonlySet<unknown>
  marker: UnsentMarker
  /** Called when the socket keeps failing while the server is up, to learn whether access is denied. */
  diagnose?: () => Promise<Refusal | null>
}

const SYNC_STEP_1 = 0
const BUFFER_POLL_MS = 150
const SEND_GRACE_MS = 400

/**
 * Derives the connection status and "unsent changes" flag from a stock y-websocket provider.
 *
 * The y-websocket protocol has no acknowledgements, so "sent" is established by the handshake:
 * once the server has sent its state vector (sync step 1) and this client has answered with
 * everything the server lacks (step 2) and the socket's send buffer is empty, the server has
 * every local edit. Edits made before that point, or while disconnected, are unsent.
 */
export function monitorConnection(
  doc: Y.Doc,
  provider: WebsocketProvider,
  options: MonitorOptions,
): ConnectionMonitor {
  const listeners = new Set<() => void>()
  let handshakeDone = false
  let hasSynced = false
  let unsent = options.marker.read()
  let refusal: Refusal | null = null
  let bufferTimer: ReturnType<typeof setTimeout> | null = null
  let diagnosing = false
  let snapshot = compute()

  function compute(): ConnectionSnapshot {
    const online = typeof navigator === 'undefined' || navigator.onLine !== false
    let state: ConnectionState
    if (refusal) state = 'offline'
    else if (provider.wsconnected && provider.synced && handshakeDone) state = 'connected'
    else if (!online || provider.wsUnsuccessfulReconnects > 0) state = 'offline'
    else state = 'connecting'
    return { state, unsent, refusal, hasSynced }
  }

  function publish(): void {
    const next = compute()
    if (
      next.state === snapshot.state &&
      next.unsent === snapshot.unsent &&
      next.refusal === snapshot.refusal &&
      next.hasSynced === snapshot.hasSynced
    ) {
      return
    }
    snapshot = next
    for (const listener of listeners) listener()
  }

  function setUnsent(value: boolean): void {
    if (unsent === value) return
    unsent = value
    options.marker.write(value)
  }

  /**
   * Watches the socket's send buffer: while it holds data the edits are unsent. A buffer that
   * drains within the grace period never shows as unsent, so typing does not make the status
   * flicker on every keystroke.
   */
  function watchBuffer(delay: number): void {
    if (bufferTimer !== null) return
    const check = (): void => {
      bufferTimer = null
      const ws = provider.ws
      if (!handshakeDone || !provider.wsconnected || ws === null) return
      if (ws.bufferedAmount === 0) {
        setUnsent(false)
      } else {
        setUnsent(true)
        bufferTimer = setTimeout(check, BUFFER_POLL_MS)
      }
      publish()
    }
    bufferTimer = setTimeout(check, delay)
  }

  // Wrap the sync handler to notice the server's step 1: the reply this client writes to it is
  // sent as soon as the handler returns, so a task queued here runs after that send.
  const handleSync = provider.messageHandlers[messageSync]
  if (handleSync) {
    provider.messageHandlers[messageSync] = (encoder, decoder, prov, emitSynced, type) => {
      const syncType = decoder.arr[decoder.pos]
      handleSync(encoder, decoder, prov, emitSynced, type)
      if (syncType === SYNC_STEP_1) {
        handshakeDone = true
        hasSynced = true
        watchBuffer(0)
        publish()
      }
    }
  }

  const onDocUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === provider || options.remoteOrigins.has(origin)) return
    if (handshakeDone && provider.wsconnected) {
      // The provider has already handed this update to the socket (its listener runs first).
      watchBuffer(SEND_GRACE_MS)
      return
    }
    setUnsent(true)
    publish()
  }

  const onClose = (event: CloseEvent | null): void => {
    handshakeDone = false
    if (bufferTimer !== null) {
      // An edit handed to a socket that then closed may never have left this machine.
      clearTimeout(bufferTimer)
      bufferTimer = null
      setUnsent(true)
    }
    if (event) {
      const known = refusalFor(event.code)
      if (known) refusal = known
      else if (event.code === 1006 && provider.wsUnsuccessfulReconnects >= 1) void diagnose()
    }
    publish()
  }

  async function diagnose(): Promise<void> {
    if (diagnosing || !options.diagnose || refusal) return
    diagnosing = true
    try {
      const found = await options.diagnose()
      if (found && !provider.wsconnected) {
        refusal = found
        provider.disconnect()
        publish()
      }
    } finally {
      diagnosing = false
    }
  }

  const onChange = (): void => publish()

  doc.on('update', onDocUpdate)
  provider.on('status', onChange)
  provider.on('sync', onChange)
  provider.on('connection-close', onClose)
  if (typeof window !== 'undefined') {
    window.addEventListener('online', onChange)
    window.addEventListener('offline', onChange)
  }

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    retry() {
      if (refusal) return
      provider.disconnect()
      provider.connect()
      publish()
    },
    destroy() {
      if (bufferTimer !== null) clearTimeout(bufferTimer)
      doc.off('update', onDocUpdate)
      provider.off('status', onChange)
      provider.off('sync', onChange)
      provider.off('connection-close', onClose)
      if (handleSync) provider.messageHandlers[messageSync] = handleSync
      if (typeof window !== 'undefined') {
        window.removeEventListener('online', onChange)
        window.removeEventListener('offline', onChange)
      }
      listeners.clear()
    },
  }
}
