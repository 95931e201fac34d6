import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/**
 * The y-websocket wire format (y-protocols): a varUint message type, for sync messages a
 * varUint sub-type, then a length-prefixed payload. Decoding is strict: unknown types,
 * truncated payloads and trailing bytes are refused rather than guessed at.
 */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3

const SYNC_STEP_1 = 0
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2

export type ClientMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  | { type: 'sync-step-2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }

export class ProtocolError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ProtocolError'
  }
}

export function decodeMessage(bytes: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(bytes)
  const message = readMessage(decoder)
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after message')
  return message
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
  const type = readVarUint(decoder)
  switch (type) {
    case MESSAGE_SYNC: {
      const step = readVarUint(decoder)
      const payload = readPayload(decoder)
      if (step === SYNC_STEP_1) return { type: 'sync-step-1', stateVector: payload }
      if (step === SYNC_STEP_2) return { type: 'sync-step-2', update: payload }
      if (step === SYNC_UPDATE) return { type: 'update', update: payload }
      throw new ProtocolError(`unknown sync message type ${step}`)
    }
    case MESSAGE_AWARENESS:
      return { type: 'awareness', update: readPayload(decoder) }
    case MESSAGE_QUERY_AWARENESS:
      return { type: 'query-awareness' }
    default:
      throw new ProtocolError(`unknown message type ${type}`)
  }
}

function readVarUint(decoder: decoding.Decoder): number {
  if (!decoding.hasContent(decoder)) throw new ProtocolError('message truncated')
  try {
    return decoding.readVarUint(decoder)
  } catch {
    throw new ProtocolError('malformed number')
  }
}

function readPayload(decoder: decoding.Decoder): Uint8Array {
  const length = readVarUint(decoder)
  // lib0 would return a short view instead of failing on a truncated payload.
  if (decoder.arr.length - decoder.pos < length) throw new ProtocolError('payload truncated')
  return decoding.readUint8Array(decoder, length)
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC)
    encoding.writeVarUint(e, step)
    encoding.writeVarUint8Array(e, payload)
  })
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return syncFrame(SYNC_STEP_1, stateVector)
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return syncFrame(SYNC_STEP_2, update)
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return syncFrame(SYNC_UPDATE, update)
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(e, update)
  })
}

export function encodeQueryAwareness(): Uint8Array {
  return frame((e) => encoding.writeVarUint(e, MESSAGE_QUERY_AWARENESS))
}
