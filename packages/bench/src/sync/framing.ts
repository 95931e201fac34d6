// How a y-websocket message travels on a given server's socket. The stock protocol sends it
// as is; Hocuspocus prefixes every message with the document name and wants an
// authentication message before it accepts anything else for that document.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export interface Framing {
  /** Messages to send as soon as the socket opens. */
  opening(room: string): Uint8Array[]
  wrap(room: string, message: Uint8Array): Uint8Array
  /** The y-websocket message inside a received frame, or null when it is not one. */
  unwrap(data: Uint8Array): Uint8Array | null
}

export const plainFraming: Framing = {
  opening: () => [],
  wrap: (_room, message) => message,
  unwrap: (data) => data,
}

const HOCUSPOCUS_AUTH = 2
const HOCUSPOCUS_AUTH_TOKEN = 0

export const hocuspocusFraming: Framing = {
  opening(room) {
    const encoder = encoding.createEncoder()
    encoding.writeVarString(encoder, room)
    encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH)
    encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH_TOKEN)
    // No onAuthenticate hook is configured, so any token is accepted.
    encoding.writeVarString(encoder, '')
    return [encoding.toUint8Array(encoder)]
  },
  wrap(room, message) {
    const encoder = encoding.createEncoder()
    encoding.writeVarString(encoder, room)
    encoding.writeUint8Array(encoder, message)
    return encoding.toUint8Array(encoder)
  },
  unwrap(data) {
    const decoder = decoding.createDecoder(data)
    decoding.readVarString(decoder)
    // Sync (0) and awareness (1) share the stock numbering; auth, sync status and the other
    // Hocuspocus-only types are not y-websocket messages and are dropped by the reader.
    return data.subarray(decoder.pos)
  },
}
