import * as Y from 'yjs'

/**
 * Whether bytes are a well-formed Yjs V1 update. Decoding reads every struct and the delete
 * set, so garbage and truncation are caught before anything touches a live document or
 * the log: an update that cannot be read back would make the journey unloadable.
 */
export function isWellFormedUpdate(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update)
    return true
  } catch {
    return false
  }
}

/** Same check for a state vector (sync step 1). */
export function isWellFormedStateVector(stateVector: Uint8Array): boolean {
  try {
    Y.decodeStateVector(stateVector)
    return true
  } catch {
    return false
  }
}
