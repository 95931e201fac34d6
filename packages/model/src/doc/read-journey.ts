import type * as Y from 'yjs'
import type { Journey, JourneyMeta } from '../entities/journey.js'
import type { JourneyChanges } from './journey-changes.js'
import { COLLECTIONS } from './layout.js'
import { readCollection, readMeta, updateCollection } from './read-entities.js'
import { type RawCollections, resolveReferences } from './resolve-references.js'

interface ReadState {
  meta: JourneyMeta
  raw: RawCollections
}

/** What each returned Journey was built from, so the next read can start from it. */
const states = new WeakMap<Journey, ReadState>()

export interface ReadReuse {
  /** A Journey returned by an earlier `readJourney` of the same doc. */
  previous: Journey
  /** Everything that changed since `previous` (merge the sets of several changes). */
  changes: JourneyChanges
}

function readAll(doc: Y.Doc): ReadState {
  return {
    meta: readMeta(doc),
    raw: {
      personas: readCollection(doc, 'personas'),
      stages: readCollection(doc, 'stages'),
      touchpoints: readCollection(doc, 'touchpoints'),
      connections: readCollection(doc, 'connections'),
    },
  }
}

function readChanged(doc: Y.Doc, before: ReadState, changes: JourneyChanges): ReadState {
  return {
    meta: changes.meta ? readMeta(doc) : before.meta,
    raw: {
      personas: updateCollection(doc, 'personas', before.raw.personas, changes.personas),
      stages: updateCollection(doc, 'stages', before.raw.stages, changes.stages),
      touchpoints: updateCollection(
        doc,
        'touchpoints',
        before.raw.touchpoints,
        changes.touchpoints,
      ),
      connections: updateCollection(
        doc,
        'connections',
        before.raw.connections,
        changes.connections,
      ),
    },
  }
}

/**
 * The journey in `doc` as a plain, schema-valid Journey. Never throws: malformed fields
 * read as defaults and dangling references resolve by the rules of `resolveReferences`.
 *
 * With `reuse`, only the changed entities are read again; every entity object that did not
 * change (and needs no reference fix) is the same object as in `reuse.previous`, so a UI
 * can skip re-rendering it. References are re-resolved on every read, so the result is
 * always identical to a full read.
 */
export function readJourney(doc: Y.Doc, reuse?: ReadReuse): Journey {
  const before = reuse ? states.get(reuse.previous) : undefined
  const state = before && reuse ? readChanged(doc, before, reuse.changes) : readAll(doc)
  const unchanged =
    before !== undefined &&
    reuse !== undefined &&
    !reuse.changes.meta &&
    COLLECTIONS.every((name) => reuse.changes[name].size === 0)
  if (unchanged && reuse) return reuse.previous
  const journey = resolveReferences(state.meta, state.raw)
  states.set(journey, state)
  return journey
}
