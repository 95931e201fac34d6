import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { ProtocolError } from './messages.js'

/**
 * One client's entry in an awareness update (y-protocols/awareness): a client id, a clock
 * and the JSON state, where `null` means the client left. The server only routes these,
 * but it must read them to enforce who may set which client id and how big a state may be.
 */
export type AwarenessEntry = {
  clientId: number
  clock: number
  /** The state exactly as sent (JSON text), kept so re-encoding is lossless. */
  json: string
}

export function isRemoval(entry: AwarenessEntry): boolean {
  return entry.json === 'null'
}

export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  try {
    const count = decoding.readVarUint(decoder)
    const entries: AwarenessEntry[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const json = decoding.readVarString(decoder)
      const state: unknown = JSON.parse(json)
      // Clients read fields off each other's states; anything but an object is no state.
      if (typeof state !== 'object' || Array.isArray(state)) {
        throw new ProtocolError('awareness state is not an object')
      }
      // y-protocols reads any spelling of null as leaving; so does the ownership check.
      entries.push({ clientId, clock, json: state === null ? 'null' : json })
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes in awareness update')
    return entries
  } catch (error) {
    if (error instanceof ProtocolError) throw error
    throw new ProtocolError('malformed awareness update')
  }
}

export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, entry.json)
  }
  return encoding.toUint8Array(encoder)
}

/**
 * Several awareness updates as one: their entries in order, as if sent together. The
 * inputs must be well formed (admitted or encoded by the server), so only each one's count
 * is read; clients apply entries one by one, a later clock for the same client winning.
 */
export function concatAwarenessUpdates(updates: readonly Uint8Array[]): Uint8Array {
  let count = 0
  const bodies: Uint8Array[] = []
  for (const update of updates) {
    const decoder = decoding.createDecoder(update)
    count += decoding.readVarUint(decoder)
    bodies.push(update.subarray(decoder.pos))
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, count)
  for (const body of bodies) encoding.writeUint8Array(encoder, body)
  return encoding.toUint8Array(encoder)
}
