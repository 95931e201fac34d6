import { WebSocket } from 'ws'

export type RawSocket = {
  ws: WebSocket
  /** Resolves with the HTTP status when the upgrade is refused, or 101 once open. */
  outcome: Promise<number>
  closed: Promise<{ code: number; reason: string }>
  frames: Uint8Array[]
}

/** A bare WebSocket that sends exactly the bytes a test gives it. */
export function rawSocket(
  url: string,
  headers: Record<string, string> = {},
  options: { autoPong?: boolean } = {},
): RawSocket {
  const ws = new WebSocket(url, { headers, ...options })
  const frames: Uint8Array[] = []
  ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)))
  ws.on('error', () => {})
  const outcome = new Promise<number>((resolve) => {
    ws.once('open', () => resolve(101))
    ws.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0)
      response.resume()
      ws.terminate()
    })
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  })
  return { ws, outcome, closed, frames }
}
