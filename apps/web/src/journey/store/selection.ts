/**
 * What this person has selected: local session state, never part of the document. Touchpoints
 * and connections may be selected together (box select); a stage is selected on its own.
 */
export interface Selection {
  touchpoints: readonly string[]
  connections: readonly string[]
  stageId: string | null
}

export const EMPTY_SELECTION: Selection = { touchpoints: [], connections: [], stageId: null }

export function sameSelection(a: Selection, b: Selection): boolean {
  return (
    a.stageId === b.stageId &&
    a.touchpoints.length === b.touchpoints.length &&
    a.connections.length === b.connections.length &&
    a.touchpoints.every((id, i) => b.touchpoints[i] === id) &&
    a.connections.every((id, i) => b.connections[i] === id)
  )
}

/** Every selected id, as published to collaborators through awareness. */
export function selectedIds(selection: Selection): string[] {
  return [
    ...selection.touchpoints,
    ...selection.connections,
    ...(selection.stageId ? [selection.stageId] : []),
  ]
}

/** Drops ids of entities that no longer exist (deleted here or by someone else). */
export function pruneSelection(
  selection: Selection,
  touchpoints: ReadonlySet<string>,
  connections: ReadonlySet<string>,
  stages: ReadonlySet<string>,
): Selection {
  const next: Selection = {
    touchpoints: selection.touchpoints.filter((id) => touchpoints.has(id)),
    connections: selection.connections.filter((id) => connections.has(id)),
    stageId: selection.stageId && stages.has(selection.stageId) ? selection.stageId : null,
  }
  return sameSelection(next, selection) ? selection : next
}
