import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { type ClientMessage, decodeMessage, encodeSyncStep1 } from '../../src/protocol/index.js'
import { waitFor } from './server.js'

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

/** The frame as the protocol reads it; null for one that does not decode. */
function decoded(frame: Uint8Array): ClientMessage | null {
  try {
    return decodeMessage(frame)
  } catch {
    return null
  }
}

/**
 * Asks the server for the whole document, as a client that has nothing would, and returns
 * everything the socket has received decoded into one document: its answer, and every
 * update before it. Waiting for the answer also orders: the server has handled (applied or
 * dropped) every frame this socket sent before.
 */
export async function fullState(socket: RawSocket): Promise<Y.Doc> {
  const from = socket.frames.length
  socket.ws.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
  await waitFor(
    () => socket.frames.slice(from).some((frame) => decoded(frame)?.type === 'sync-step-2'),
    'the full state',
  )
  const doc = new Y.Doc()
  for (const frame of socket.frames) {
    const message = decoded(frame)
    if (message?.type === 'sync-step-2' || message?.type === 'update') {
      Y.applyUpdate(doc, message.update)
    }
  }
  return doc
}
