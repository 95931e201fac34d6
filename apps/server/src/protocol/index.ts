export {
  type AwarenessEntry,
  concatAwarenessUpdates,
  decodeAwarenessUpdate,
  encodeAwarenessUpdate,
  isRemoval,
} from './awareness-update.js'
export {
  type ClientMessage,
  decodeMessage,
  encodeAwareness,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  ProtocolError,
} from './messages.js'
export { isWellFormedStateVector, isWellFormedUpdate } from './yjs-update.js'
