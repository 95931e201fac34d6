import * as Y from 'yjs'
import { ID_PREFIXES, LIMITS } from '../constants.js'
import { createId } from '../create-id.js'
import { entityToYMap, patchEntityMap } from '../doc/entity-map.js'
import { collectionMap } from '../doc/layout.js'
import { type Stage, StageSchema } from '../entities/stage.js'
import { requireCapacity, requireEntity } from './doc-access.js'
import { invalid, parseInput } from './invalid-input-error.js'
import { orderFor, type StagePlacement, stagesInOrder } from './stage-order.js'

export type StageInput = Partial<Pick<Stage, 'name' | 'description'>>

const PatchSchema = StageSchema.pick({ name: true, description: true }).partial()

function requirePlacementTarget(doc: Y.Doc, placement: StagePlacement | undefined): void {
  if (!placement) return
  const id = 'before' in placement ? placement.before : placement.after
  requireEntity(doc, 'stages', id, 'before' in placement ? 'before' : 'after')
}

/** Adds a stage at the end, or before/after a given stage; returns its id. */
export function addStage(
  doc: Y.Doc,
  origin: unknown,
  input: StageInput = {},
  placement?: StagePlacement,
): string {
  requireCapacity(doc, 'stages', LIMITS.stages)
  requirePlacementTarget(doc, placement)
  const id = createId(ID_PREFIXES.stage)
  const fields = parseInput(PatchSchema, input)
  doc.transact(() => {
    const order = orderFor(stagesInOrder(doc), placement)
    const stage = parseInput(StageSchema, {
      id,
      name: fields.name ?? 'New stage',
      description: fields.description ?? '',
      order,
    })
    collectionMap(doc, 'stages').set(id, entityToYMap(stage))
  }, origin)
  return id
}

export function updateStage(doc: Y.Doc, origin: unknown, id: string, patch: StageInput): boolean {
  const map = requireEntity(doc, 'stages', id, 'id')
  const valid = parseInput(PatchSchema, patch)
  let changed = false
  doc.transact(() => {
    changed = patchEntityMap(map, valid)
  }, origin)
  return changed
}

/**
 * Moves a stage before or after another one by rewriting only its own `order`, so two
 * people reordering at once can never duplicate or lose a stage.
 */
export function reorderStage(
  doc: Y.Doc,
  origin: unknown,
  id: string,
  placement: StagePlacement,
): boolean {
  const map = requireEntity(doc, 'stages', id, 'id')
  requirePlacementTarget(doc, placement)
  const anchor = 'before' in placement ? placement.before : placement.after
  if (anchor === id) return false
  let changed = false
  doc.transact(() => {
    const all = stagesInOrder(doc)
    const others = all.filter((s) => s.id !== id)
    const current = all.findIndex((s) => s.id === id)
    const target = others.findIndex((s) => s.id === anchor) + ('before' in placement ? 0 : 1)
    if (target === current) return
    map.set('order', orderFor(others, placement))
    changed = true
  }, origin)
  return changed
}

export interface RemoveStageOptions {
  /** Where its touchpoints go; by default the stage before it (or after it, if first). */
  moveTo?: string
}

/**
 * Removes a stage. Its touchpoints are not deleted: they move to `options.moveTo`, or to
 * the neighbouring stage (the previous one, or the next one when it was the first), keeping
 * their canvas positions. The last remaining stage cannot be removed (returns false),
 * because every touchpoint needs a stage.
 */
export function removeStage(
  doc: Y.Doc,
  origin: unknown,
  id: string,
  options: RemoveStageOptions = {},
): boolean {
  const stages = collectionMap(doc, 'stages')
  if (!stages.has(id)) return false
  const ordered = stagesInOrder(doc)
  if (ordered.length <= 1) return false
  const index = ordered.findIndex((s) => s.id === id)
  const neighbour = ordered[index - 1] ?? ordered[index + 1]
  const destination = options.moveTo ?? neighbour?.id
  if (destination === undefined || destination === id || !stages.has(destination)) {
    throw invalid('moveTo', `no other stage with id "${options.moveTo}"`)
  }
  doc.transact(() => {
    stages.delete(id)
    collectionMap(doc, 'touchpoints').forEach((tp) => {
      if (tp instanceof Y.Map && tp.get('stageId') === id) tp.set('stageId', destination)
    })
  }, origin)
  return true
}
