import * as Y from 'yjs'
import { NESTED_MAP_FIELDS } from './layout.js'

/** Equal as JSON values (for the small values stored in entity fields). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  return JSON.stringify(a) === JSON.stringify(b)
}

function toYValue(key: string, value: unknown): unknown {
  if (NESTED_MAP_FIELDS.has(key) && typeof value === 'object' && value !== null) {
    return new Y.Map<unknown>(Object.entries(value))
  }
  return value
}

/** A new Y.Map holding an entity's JSON fields (see the layout in the package README). */
export function entityToYMap(entity: object): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(entity)) map.set(key, toYValue(key, value))
  return map
}

/**
 * Writes only the fields whose value really changes, so an edit does not produce updates
 * (or undo steps, or remote re-renders) for untouched fields.
 */
export function patchEntityMap(map: Y.Map<unknown>, patch: Record<string, unknown>): boolean {
  let changed = false
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || key === 'id') continue
    const current = map.get(key)
    if (NESTED_MAP_FIELDS.has(key)) {
      const currentJson = current instanceof Y.Map ? current.toJSON() : current
      if (sameJson(currentJson, value)) continue
    } else if (sameJson(current, value)) continue
    map.set(key, toYValue(key, value))
    changed = true
  }
  return changed
}

/** The entity's fields as plain JSON (nested Y.Maps included). */
export function entityFields(map: Y.Map<unknown>): Record<string, unknown> {
  return map.toJSON() as Record<string, unknown>
}
