import type { WebSocket, WebSocketServer } from 'ws'

/**
 * Pings every socket each interval and cuts off those that did not answer the previous
 * ping. A client whose network vanished without closing its connection would otherwise
 * hold its room (and its slot in the per-address cap) until the operating system gives
 * up on the connection, which can take hours.
 */
export function startHeartbeat(wss: WebSocketServer, intervalMs: number): () => void {
  const alive = new WeakMap<WebSocket, boolean>()
  const onConnection = (socket: WebSocket) => {
    alive.set(socket, true)
    socket.on('pong', () => alive.set(socket, true))
  }
  wss.on('connection', onConnection)
  const timer = setInterval(() => {
    for (const socket of wss.clients) {
      if (alive.get(socket) === false) {
        socket.terminate()
        continue
      }
      alive.set(socket, false)
      socket.ping()
    }
  }, intervalMs)
  timer.unref()
  return () => {
    clearInterval(timer)
    wss.off('connection', onConnection)
  }
}
