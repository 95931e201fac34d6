import type * as Y from 'yjs'
import type { JourneyChanges } from './journey-changes.js'
import { COLLECTIONS, type CollectionName, collectionMap, metaMap } from './layout.js'

function emptySets(): Record<CollectionName, Set<string>> {
  return {
    personas: new Set(),
    stages: new Set(),
    touchpoints: new Set(),
    connections: new Set(),
  }
}

export type JourneyListener = (changes: JourneyChanges) => void

/**
 * Calls `listener` once per transaction that changed the journey, with the ids that
 * changed per collection: entities added, removed or replaced in a collection map, and
 * entities whose own fields (or nested maps such as `emotions`) changed. Returns the
 * unsubscribe function.
 */
export function observeJourney(doc: Y.Doc, listener: JourneyListener): () => void {
  let pending: Record<CollectionName, Set<string>> | null = null
  let metaChanged = false

  const collect = (name: CollectionName) => (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    pending ??= emptySets()
    const ids = pending[name]
    for (const event of events) {
      const [first] = event.path
      if (typeof first === 'string') ids.add(first)
      else for (const key of event.keys.keys()) ids.add(key)
    }
  }
  const observers = COLLECTIONS.map((name) => {
    const map = collectionMap(doc, name)
    const handler = collect(name)
    map.observeDeep(handler)
    return () => map.unobserveDeep(handler)
  })
  const meta = metaMap(doc)
  const onMeta = () => {
    metaChanged = true
  }
  meta.observeDeep(onMeta)

  const flush = (transaction: Y.Transaction) => {
    if (!pending && !metaChanged) return
    const sets = pending ?? emptySets()
    const changes: JourneyChanges = {
      ...sets,
      meta: metaChanged,
      origin: transaction.origin,
      local: transaction.local,
    }
    pending = null
    metaChanged = false
    listener(changes)
  }
  doc.on('afterTransaction', flush)

  return () => {
    for (const off of observers) off()
    meta.unobserveDeep(onMeta)
    doc.off('afterTransaction', flush)
  }
}

/**
 * Unions several change sets, for a UI that batches changes per animation frame (no
 * arguments: an empty change set).
 */
export function mergeChanges(...all: JourneyChanges[]): JourneyChanges {
  const merged = emptySets()
  let meta = false
  for (const changes of all) {
    for (const name of COLLECTIONS) for (const id of changes[name]) merged[name].add(id)
    meta ||= changes.meta
  }
  const last = all[all.length - 1]
  return { ...merged, meta, origin: last?.origin ?? null, local: last?.local ?? false }
}
