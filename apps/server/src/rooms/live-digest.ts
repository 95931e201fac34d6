import type * as Y from 'yjs'
import { digestJourneyDoc } from '../storage/journey-digest.js'
import type { JourneyDigest } from '../storage/journey-store.js'

/** The top-level maps a digest reads: a change to anything nested in them leaves it as is. */
const DIGESTED = ['meta', 'personas', 'stages', 'touchpoints', 'connections'] as const

/**
 * A room's digest, recomputed only after a top-level map of the journey gained, lost or
 * replaced an entry. A map's size is counted entry by entry, so on a large journey reading
 * it on every group commit would cost more than storing a card drag; drags and text edits
 * change nested values, which these maps' own observers do not hear.
 */
export class LiveDigest {
  readonly #doc: Y.Doc
  #digest: JourneyDigest | null = null
  readonly #invalidate = (): void => {
    this.#digest = null
  }

  constructor(doc: Y.Doc) {
    this.#doc = doc
    for (const name of DIGESTED) doc.getMap(name).observe(this.#invalidate)
  }

  get(): JourneyDigest {
    this.#digest ??= digestJourneyDoc(this.#doc)
    return this.#digest
  }
}
