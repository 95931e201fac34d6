import type * as Y from 'yjs'
import { patchEntityMap } from '../doc/entity-map.js'
import { metaMap } from '../doc/layout.js'
import { type JourneyMeta, JourneyMetaSchema } from '../entities/journey.js'
import { parseInput } from './invalid-input-error.js'

export type JourneyPatch = Partial<Omit<JourneyMeta, 'schemaVersion'>>

const PatchSchema = JourneyMetaSchema.omit({ schemaVersion: true }).partial()

/** Edits the journey's own fields (title, description, goal, metrics, owner team, tags). */
export function updateJourney(doc: Y.Doc, origin: unknown, patch: JourneyPatch): boolean {
  const valid = parseInput(PatchSchema, patch)
  let changed = false
  doc.transact(() => {
    changed = patchEntityMap(metaMap(doc), valid)
  }, origin)
  return changed
}
