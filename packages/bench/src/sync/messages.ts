// The y-websocket wire messages the simulated clients send, encoded with lib0 the same way
// y-protocols does, without a Y.Doc or an Awareness instance where none is needed.
import * as encoding from 'lib0/encoding'

export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const SYNC_STEP1 = 0
export const SYNC_STEP2 = 1
export const SYNC_UPDATE = 2

/** The update of an empty document: what a client without a doc answers a sync step 1 with. */
export const EMPTY_UPDATE = new Uint8Array([0, 0])
export const EMPTY_STATE_VECTOR = new Uint8Array([0])

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

export const syncStep1 = (stateVector: Uint8Array) => syncMessage(SYNC_STEP1, stateVector)
export const syncStep2 = (update: Uint8Array) => syncMessage(SYNC_STEP2, update)
export const syncUpdate = (update: Uint8Array) => syncMessage(SYNC_UPDATE, update)

/** One client's awareness state, as `encodeAwarenessUpdate` writes it for a single client. */
export function awarenessMessage(clientId: number, clock: number, state: string): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1)
  encoding.writeVarUint(update, clientId)
  encoding.writeVarUint(update, clock)
  encoding.writeVarString(update, state)
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update))
  return encoding.toUint8Array(encoder)
}
