import type * as Y from 'yjs'
import { ID_PREFIXES, LIMITS } from '../constants.js'
import { createId } from '../create-id.js'
import { entityToYMap } from '../doc/entity-map.js'
import { collectionMap } from '../doc/layout.js'
import { readEntity } from '../doc/read-entities.js'
import type { Connection } from '../entities/connection.js'
import { COORDINATE_LIMIT } from '../entities/fields.js'
import { type Position, PositionSchema } from '../entities/touchpoint.js'
import { createItem } from './create-item.js'
import { requireCapacity } from './doc-access.js'
import { parseInput } from './invalid-input-error.js'

const clamp = (v: number) => Math.min(COORDINATE_LIMIT, Math.max(-COORDINATE_LIMIT, v))

/**
 * Copies touchpoints (offset on the canvas) together with the connections between the
 * copied cards, so a duplicated fragment of a journey keeps its shape. Pain points and
 * opportunities get new ids; comments, votes and priorities stay with the originals. A
 * copy that would land beyond the canvas edge stays at the edge. Everything is checked
 * before anything is written. Returns original id -> copy id.
 */
export function duplicateTouchpoints(
  doc: Y.Doc,
  origin: unknown,
  ids: readonly string[],
  offset: Position = { x: 40, y: 40 },
): Map<string, string> {
  const shift = parseInput(PositionSchema, offset)
  const touchpoints = collectionMap(doc, 'touchpoints')
  const sources = [...new Set(ids)].flatMap((id) => {
    const tp = readEntity('touchpoints', id, touchpoints.get(id))
    return tp ? [tp] : []
  })
  requireCapacity(doc, 'touchpoints', LIMITS.touchpoints, sources.length)
  const copies = new Map(sources.map((tp) => [tp.id, createId(ID_PREFIXES.touchpoint)]))
  const connections = collectionMap(doc, 'connections')
  const inner: Connection[] = []
  connections.forEach((value, id) => {
    const c = readEntity('connections', id, value)
    const source = c && copies.get(c.source)
    const target = c && copies.get(c.target)
    if (c && source && target) {
      inner.push({ ...c, id: createId(ID_PREFIXES.connection), source, target })
    }
  })
  requireCapacity(doc, 'connections', LIMITS.connections, inner.length)
  doc.transact(() => {
    for (const tp of sources) {
      const id = copies.get(tp.id) ?? createId(ID_PREFIXES.touchpoint)
      touchpoints.set(
        id,
        entityToYMap({
          ...tp,
          id,
          position: { x: clamp(tp.position.x + shift.x), y: clamp(tp.position.y + shift.y) },
          priority: null,
          painPoints: tp.painPoints.map((item) => createItem(item.text)),
          opportunities: tp.opportunities.map((item) => createItem(item.text)),
        }),
      )
    }
    for (const c of inner) connections.set(c.id, entityToYMap(c))
  }, origin)
  return copies
}
