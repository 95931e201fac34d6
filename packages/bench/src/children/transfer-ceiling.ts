// The join storm's ceiling: a `ws` server that keeps the first non-empty document update a
// room receives (the seeder's) as raw bytes and answers every sync step 1 with a sync step 2
// of exactly those bytes, framed once and sent as the same buffer to every joiner. No Yjs,
// no merging, no storage: what is left is the cost of moving the bytes. Later updates are
// relayed but not kept, so it is a valid sync server only for a room with a single writer.
import { createServer } from 'node:http'
import * as decoding from 'lib0/decoding'
import { type RawData, type WebSocket, WebSocketServer } from 'ws'
import {
  EMPTY_STATE_VECTOR,
  EMPTY_UPDATE,
  MESSAGE_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  syncStep1,
  syncStep2,
} from '../sync/messages.js'

const port = Number(process.env.PORT ?? 1234)
const host = process.env.HOST ?? '127.0.0.1'

/** An empty state vector: asks a joining client for everything it has. */
const ASK_ALL = syncStep1(EMPTY_STATE_VECTOR)
/** The update of an empty document: the answer while a room has nothing yet. */
const NOTHING = syncStep2(EMPTY_UPDATE)

interface Room {
  sockets: Set<WebSocket>
  /** The kept update, already framed as a sync step 2. */
  answer: Uint8Array | null
}

const rooms = new Map<string, Room>()

function bytesOf(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data)
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data
}

/** An update with no structs and no deletions is the two bytes [0, 0]. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length <= 2 && update.every((byte) => byte === 0)
}

const http = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' })
  response.end('transfer ceiling')
})
const wss = new WebSocketServer({ server: http, perMessageDeflate: false })

wss.on('connection', (socket, request) => {
  const name = request.url ?? '/'
  let found = rooms.get(name)
  if (!found) {
    found = { sockets: new Set(), answer: null }
    rooms.set(name, found)
  }
  const room = found
  room.sockets.add(socket)
  socket.send(ASK_ALL)
  socket.on('message', (data, isBinary) => {
    const message = bytesOf(data)
    const decoder = decoding.createDecoder(message)
    if (decoding.readVarUint(decoder) === MESSAGE_SYNC) {
      const step = decoding.readVarUint(decoder)
      if (step === SYNC_STEP1) {
        socket.send(room.answer ?? NOTHING)
        return
      }
      const update = decoding.readVarUint8Array(decoder)
      if (isEmptyUpdate(update)) return
      if (room.answer === null && (step === SYNC_STEP2 || step === SYNC_UPDATE)) {
        room.answer = syncStep2(update)
      }
    }
    for (const peer of room.sockets) {
      if (peer !== socket && peer.readyState === peer.OPEN) peer.send(message, { binary: isBinary })
    }
  })
  socket.on('close', () => {
    room.sockets.delete(socket)
    if (room.sockets.size === 0) rooms.delete(name)
  })
})

http.listen(port, host)
