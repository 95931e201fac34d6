// The ceiling: a `ws` server that forwards every message to the other sockets of the same
// room (the URL path) and does nothing else: no Yjs, no state, no storage.
import { createServer } from 'node:http'
import { type WebSocket, WebSocketServer } from 'ws'

const port = Number(process.env.PORT ?? 1234)
const host = process.env.HOST ?? '127.0.0.1'
const rooms = new Map<string, Set<WebSocket>>()

const http = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' })
  response.end('relay')
})
const wss = new WebSocketServer({ server: http, perMessageDeflate: false })

wss.on('connection', (socket, request) => {
  const room = request.url ?? '/'
  let peers = rooms.get(room)
  if (!peers) {
    peers = new Set()
    rooms.set(room, peers)
  }
  const members = peers
  members.add(socket)
  socket.on('message', (data, isBinary) => {
    for (const peer of members) {
      if (peer !== socket && peer.readyState === peer.OPEN) peer.send(data, { binary: isBinary })
    }
  })
  socket.on('close', () => {
    members.delete(socket)
    if (members.size === 0) rooms.delete(room)
  })
})

http.listen(port, host)
