import * as Y from 'yjs'
import { encodeSyncStep2 } from '../protocol/index.js'

/**
 * A room's whole document encoded once, for what needs it repeatedly: every client that
 * joins empty asks for the full state. The owner invalidates it on each document change.
 */
export class FullStateCache {
  readonly #doc: Y.Doc
  #update: Uint8Array | null = null
  #frame: Uint8Array | null = null

  constructor(doc: Y.Doc) {
    this.#doc = doc
  }

  invalidate(): void {
    this.#update = null
    this.#frame = null
  }

  /** The whole document as one Yjs V1 update. */
  update(): Uint8Array {
    this.#update ??= Y.encodeStateAsUpdate(this.#doc)
    return this.#update
  }

  /** The reply to a sync step 1 carrying `stateVector`. */
  syncStep2For(stateVector: Uint8Array): Uint8Array {
    if (Y.decodeStateVector(stateVector).size > 0) {
      return encodeSyncStep2(Y.encodeStateAsUpdate(this.#doc, stateVector))
    }
    this.#frame ??= encodeSyncStep2(this.update())
    return this.#frame
  }
}
