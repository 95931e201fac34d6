import * as Y from 'yjs'

/** A field of a plain object or of a Y.Map, as the review doc keeps an entity. */
export function field(value: unknown, key: string): unknown {
  if (value instanceof Y.Map) return value.get(key)
  if (typeof value === 'object' && value !== null) return (value as Record<string, unknown>)[key]
  return undefined
}

export function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}
