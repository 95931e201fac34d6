import type * as Y from 'yjs'
import { removePersona } from './persona-mutations.js'
import { deleteConnections, deleteTouchpoints } from './remove-touchpoints.js'
import { removeStage } from './stage-mutations.js'

export interface ElementSelection {
  touchpoints?: readonly string[]
  connections?: readonly string[]
  personas?: readonly string[]
  stages?: readonly string[]
}

/**
 * Deletes a mixed selection (cards, connections, personas, stages) as one undoable step,
 * with the same cascades as the single-kind removals. Stages go last and follow
 * `removeStage`'s rules, so the last stage is kept.
 */
export function removeElements(doc: Y.Doc, origin: unknown, selection: ElementSelection): number {
  let removed = 0
  doc.transact(() => {
    removed += deleteConnections(doc, selection.connections ?? [])
    removed += deleteTouchpoints(doc, selection.touchpoints ?? [])
    for (const id of selection.personas ?? []) if (removePersona(doc, origin, id)) removed++
    for (const id of selection.stages ?? []) if (removeStage(doc, origin, id)) removed++
  }, origin)
  return removed
}
