import * as Y from 'yjs'
import { ID_PREFIXES, LIMITS } from '../constants.js'
import { createId } from '../create-id.js'
import { entityToYMap, patchEntityMap } from '../doc/entity-map.js'
import { collectionMap } from '../doc/layout.js'
import { EmotionSchema } from '../entities/fields.js'
import {
  type Position,
  PositionSchema,
  type Touchpoint,
  TouchpointSchema,
  touchpointDefaults,
} from '../entities/touchpoint.js'
import { requireCapacity, requireEntity } from './doc-access.js'
import { invalid, parseInput } from './invalid-input-error.js'
import { stagesInOrder } from './stage-order.js'

export type TouchpointInput = Partial<Omit<Touchpoint, 'id'>>
export type TouchpointPatch = Partial<Omit<Touchpoint, 'id' | 'emotions'>>

const PatchSchema = TouchpointSchema.omit({ id: true, emotions: true }).partial()

function requireReferences(doc: Y.Doc, fields: TouchpointInput): void {
  if (fields.stageId !== undefined) requireEntity(doc, 'stages', fields.stageId, 'stageId')
  fields.personaIds?.forEach((id, i) => {
    requireEntity(doc, 'personas', id, `personaIds[${i}]`)
  })
  for (const id of Object.keys(fields.emotions ?? {})) {
    requireEntity(doc, 'personas', id, `emotions.${id}`)
  }
}

/**
 * Adds a touchpoint card; returns its id. Without a `stageId` it goes into the first stage.
 * Personas with an emotion score are added to `personaIds` if missing.
 */
export function addTouchpoint(doc: Y.Doc, origin: unknown, input: TouchpointInput = {}): string {
  requireCapacity(doc, 'touchpoints', LIMITS.touchpoints)
  const stageId = input.stageId ?? stagesInOrder(doc)[0]?.id
  if (stageId === undefined) throw invalid('stageId', 'the journey has no stage to add to')
  const id = createId(ID_PREFIXES.touchpoint)
  const personaIds = [
    ...new Set([...(input.personaIds ?? []), ...Object.keys(input.emotions ?? {})]),
  ]
  const touchpoint = parseInput(TouchpointSchema, {
    ...touchpointDefaults(id, stageId),
    title: 'New touchpoint',
    ...input,
    personaIds,
    stageId,
    id,
  })
  requireReferences(doc, touchpoint)
  doc.transact(() => {
    collectionMap(doc, 'touchpoints').set(id, entityToYMap(touchpoint))
  }, origin)
  return id
}

/**
 * Edits a touchpoint's fields (only the ones that change are written). Emotions are set
 * one persona at a time with `setEmotion`, so concurrent ratings merge; a persona taken
 * off `personaIds` loses its score here too, since the card no longer serves them.
 */
export function updateTouchpoint(
  doc: Y.Doc,
  origin: unknown,
  id: string,
  patch: TouchpointPatch,
): boolean {
  const map = requireEntity(doc, 'touchpoints', id, 'id')
  const valid = parseInput(PatchSchema, patch)
  requireReferences(doc, valid)
  let changed = false
  doc.transact(() => {
    changed = patchEntityMap(map, valid)
    const emotions = map.get('emotions')
    if (valid.personaIds && emotions instanceof Y.Map) {
      const served = new Set(valid.personaIds)
      for (const personaId of [...emotions.keys()]) {
        if (served.has(personaId)) continue
        emotions.delete(personaId)
        changed = true
      }
    }
  }, origin)
  return changed
}

export interface TouchpointMove {
  id: string
  position?: Position
  /** Set when the card was dropped into another stage. */
  stageId?: string
}

/** Moves several cards in one step (a multi-selection drag); may change their stage. */
export function moveTouchpoints(
  doc: Y.Doc,
  origin: unknown,
  moves: readonly TouchpointMove[],
): boolean {
  const checked = moves.map((move, i) => {
    const map = requireEntity(doc, 'touchpoints', move.id, `[${i}].id`)
    const position =
      move.position === undefined
        ? undefined
        : parseInput(PositionSchema, move.position, `[${i}].position`)
    if (move.stageId !== undefined) requireEntity(doc, 'stages', move.stageId, `[${i}].stageId`)
    return { map, position, stageId: move.stageId }
  })
  let changed = false
  doc.transact(() => {
    for (const { map, position, stageId } of checked) {
      changed = patchEntityMap(map, { position, stageId }) || changed
    }
  }, origin)
  return changed
}

/**
 * Sets how a persona feels at a touchpoint (-3..+3), or clears the score with null.
 * Rating a persona the touchpoint does not list yet adds it to `personaIds`.
 */
export function setEmotion(
  doc: Y.Doc,
  origin: unknown,
  touchpointId: string,
  personaId: string,
  value: number | null,
): boolean {
  const map = requireEntity(doc, 'touchpoints', touchpointId, 'touchpointId')
  requireEntity(doc, 'personas', personaId, 'personaId')
  const score = value === null ? null : parseInput(EmotionSchema, value)
  let changed = false
  doc.transact(() => {
    let emotions = map.get('emotions')
    if (!(emotions instanceof Y.Map)) {
      emotions = new Y.Map<unknown>()
      map.set('emotions', emotions)
    }
    const nested = emotions as Y.Map<unknown>
    if (score === null) {
      if (nested.has(personaId)) {
        nested.delete(personaId)
        changed = true
      }
      return
    }
    if (nested.get(personaId) !== score) {
      nested.set(personaId, score)
      changed = true
    }
    const served: unknown = map.get('personaIds')
    const list = Array.isArray(served) ? served : []
    if (!list.includes(personaId)) {
      map.set('personaIds', [...list, personaId])
      changed = true
    }
  }, origin)
  return changed
}
