import { LIMITS } from '../constants.js'
import type { Connection } from '../entities/connection.js'
import type { Journey, JourneyMeta } from '../entities/journey.js'
import type { Persona } from '../entities/persona.js'
import type { Stage } from '../entities/stage.js'
import type { Touchpoint } from '../entities/touchpoint.js'
import { byId } from '../sort-by-id.js'
import type { EntityOf } from './read-entities.js'

export type RawCollections = { [K in keyof EntityOf]: ReadonlyMap<string, EntityOf[K]> }

/**
 * Collections read from a doc are never changed once built (a changed collection is a new
 * map), so their id order is kept per map: an incremental read sorts only what changed.
 */
const sortedCache = new WeakMap<ReadonlyMap<string, { id: string }>, readonly { id: string }[]>()

/** The first `limit` entities in id order, as a new array the caller may keep. */
function sortedById<T extends { id: string }>(map: ReadonlyMap<string, T>, limit: number): T[] {
  let sorted = sortedCache.get(map) as readonly T[] | undefined
  if (!sorted) {
    sorted = [...map.values()].sort(byId)
    sortedCache.set(map, sorted)
  }
  return sorted.slice(0, limit)
}

/**
 * How each stored touchpoint resolved, valid while the stages and personas it was
 * resolved against (`context`) stay the same; keyed by the stored object, which a read
 * never changes, so every read after a small edit resolves only the edited cards.
 */
let resolvedCache: { context: string; byStored: WeakMap<Touchpoint, Touchpoint> } = {
  context: '',
  byStored: new WeakMap(),
}

function resolvedTouchpoints(
  stored: readonly Touchpoint[],
  stages: readonly Stage[],
  personas: readonly Persona[],
): Touchpoint[] {
  const first = stages[0]
  if (!first) return []
  const context = `${stages.map((s) => s.id).join(' ')}|${personas.map((p) => p.id).join(' ')}`
  if (resolvedCache.context !== context) resolvedCache = { context, byStored: new WeakMap() }
  const { byStored } = resolvedCache
  const stageIds = new Set(stages.map((s) => s.id))
  const personaIds = new Set(personas.map((p) => p.id))
  return stored.map((tp) => {
    let resolved = byStored.get(tp)
    if (!resolved) {
      resolved = resolveTouchpoint(tp, stageIds, first.id, personaIds)
      byStored.set(tp, resolved)
    }
    return resolved
  })
}

/** Whether the pain point and opportunity ids of a card are unique (checked without allocating for the usual short lists). */
function itemIdsUnique(tp: Touchpoint): boolean {
  const items = tp.painPoints.length + tp.opportunities.length
  if (items < 2) return true
  const seen = new Set<string>()
  for (const item of tp.painPoints) seen.add(item.id)
  for (const item of tp.opportunities) seen.add(item.id)
  return seen.size === items
}

function personaIdsResolved(tp: Touchpoint, personaIds: ReadonlySet<string>): boolean {
  const ids = tp.personaIds
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string
    if (!personaIds.has(id)) return false
    for (let j = 0; j < i; j++) if (ids[j] === id) return false
  }
  for (const id of Object.keys(tp.emotions)) {
    if (!personaIds.has(id) || !ids.includes(id)) return false
  }
  return true
}

function resolveTouchpoint(
  tp: Touchpoint,
  stageIds: ReadonlySet<string>,
  fallbackStageId: string,
  personaIds: ReadonlySet<string>,
): Touchpoint {
  const stageOk = stageIds.has(tp.stageId)
  if (stageOk && personaIdsResolved(tp, personaIds) && itemIdsUnique(tp)) return tp
  const items = new Set<string>()
  const uniqueItems = (list: Touchpoint['painPoints']) =>
    list.filter((item) => !items.has(item.id) && items.add(item.id))
  const emotions = Object.fromEntries(
    Object.entries(tp.emotions).filter(([id]) => personaIds.has(id)),
  )
  // A rated persona is served: two people rating different personas at once each rewrite
  // the whole `personaIds` list, and only one list survives the merge.
  const served = new Set([...tp.personaIds, ...Object.keys(emotions)])
  return {
    ...tp,
    stageId: stageOk ? tp.stageId : fallbackStageId,
    personaIds: [...served].filter((id) => personaIds.has(id)),
    emotions,
    painPoints: uniqueItems(tp.painPoints),
    opportunities: uniqueItems(tp.opportunities),
  }
}

/**
 * Turns the stored entities into a valid Journey. Concurrent edits can leave references
 * to things another client deleted; they resolve by these rules (the same on every read):
 * - a touchpoint whose stage is gone shows in the first stage (lowest `order`); when no
 *   stage exists at all, touchpoints are hidden until one is added;
 * - persona ids and emotions of deleted personas are dropped from touchpoints, and a
 *   persona rated on a touchpoint but missing from its `personaIds` is added to them;
 * - a connection whose source or target touchpoint is gone (or hidden) is dropped, and so
 *   is a loop from a touchpoint to itself that is not a nurture loop (two people editing
 *   its ends, or its ends and its kind, at once can make one);
 * - a collection over its limit (concurrent adds) keeps its first entries in id order.
 * An entity that needs no fix is returned as the very object given, so reads share
 * structure with earlier reads.
 */
export function resolveReferences(meta: JourneyMeta, raw: RawCollections): Journey {
  const stages: Stage[] = [...raw.stages.values()]
    .sort((a, b) => a.order - b.order || byId(a, b))
    .slice(0, LIMITS.stages)
  const personas: Persona[] = sortedById(raw.personas, LIMITS.personas)

  const touchpoints = resolvedTouchpoints(
    sortedById(raw.touchpoints, LIMITS.touchpoints),
    stages,
    personas,
  )
  const touchpointIds = new Set(touchpoints.map((tp) => tp.id))

  const connections: Connection[] = sortedById(raw.connections, Number.POSITIVE_INFINITY)
    .filter(
      (c) =>
        touchpointIds.has(c.source) &&
        touchpointIds.has(c.target) &&
        (c.source !== c.target || c.kind === 'nurture'),
    )
    .slice(0, LIMITS.connections)

  return { ...meta, personas, stages, touchpoints, connections }
}
