import * as Y from 'yjs'
import { ID_PREFIXES, LIMITS } from '../constants.js'
import { createId } from '../create-id.js'
import { entityToYMap, patchEntityMap } from '../doc/entity-map.js'
import { collectionMap } from '../doc/layout.js'
import {
  PERSONA_COLORS,
  type Persona,
  PersonaSchema,
  personaDefaults,
} from '../entities/persona.js'
import { requireCapacity, requireEntity } from './doc-access.js'
import { parseInput } from './invalid-input-error.js'

export type PersonaInput = Partial<Omit<Persona, 'id'>>

const PatchSchema = PersonaSchema.omit({ id: true }).partial()

/** The first palette colour no persona uses yet, so new personas are told apart. */
function nextColor(doc: Y.Doc): string {
  const used = new Set<unknown>()
  collectionMap(doc, 'personas').forEach((map) => {
    if (map instanceof Y.Map) used.add(map.get('color'))
  })
  const free = PERSONA_COLORS.find((color) => !used.has(color))
  return free ?? PERSONA_COLORS[used.size % PERSONA_COLORS.length] ?? PERSONA_COLORS[0]
}

/** Adds a persona to the buying group; returns its id. */
export function addPersona(doc: Y.Doc, origin: unknown, input: PersonaInput = {}): string {
  requireCapacity(doc, 'personas', LIMITS.personas)
  const id = createId(ID_PREFIXES.persona)
  const persona = parseInput(PersonaSchema, {
    ...personaDefaults(id),
    name: 'New persona',
    color: nextColor(doc),
    ...input,
    id,
  })
  doc.transact(() => {
    collectionMap(doc, 'personas').set(id, entityToYMap(persona))
  }, origin)
  return id
}

export function updatePersona(
  doc: Y.Doc,
  origin: unknown,
  id: string,
  patch: PersonaInput,
): boolean {
  const map = requireEntity(doc, 'personas', id, 'id')
  const valid = parseInput(PatchSchema, patch)
  let changed = false
  doc.transact(() => {
    changed = patchEntityMap(map, valid)
  }, origin)
  return changed
}

/**
 * Removes a persona and, in the same step, its id from every touchpoint's `personaIds`
 * and its emotion scores, so undo brings all of it back together.
 */
export function removePersona(doc: Y.Doc, origin: unknown, id: string): boolean {
  const personas = collectionMap(doc, 'personas')
  if (!personas.has(id)) return false
  doc.transact(() => {
    personas.delete(id)
    collectionMap(doc, 'touchpoints').forEach((tp) => {
      if (!(tp instanceof Y.Map)) return
      const served: unknown = tp.get('personaIds')
      if (Array.isArray(served) && served.includes(id)) {
        tp.set(
          'personaIds',
          served.filter((p) => p !== id),
        )
      }
      const emotions: unknown = tp.get('emotions')
      if (emotions instanceof Y.Map && emotions.has(id)) emotions.delete(id)
    })
  }, origin)
  return true
}
