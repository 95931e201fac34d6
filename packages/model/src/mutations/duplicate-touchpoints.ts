import * as Y from 'yjs'
import { ID_PREFIXES, LIMITS } from '../constants.js'
import { createId } from '../create-id.js'
import { entityToYMap } from '../doc/entity-map.js'
import { collectionMap } from '../doc/layout.js'
import { readEntity } from '../doc/read-entities.js'
import { type Position, PositionSchema } from '../entities/touchpoint.js'
import { createItem } from './create-item.js'
import { requireCapacity } from './doc-access.js'
import { parseInput } from './invalid-input-error.js'

/**
 * Copies touchpoints (offset on the canvas) together with the connections between the
 * copied cards, so a duplicated fragment of a journey keeps its shape. Pain points and
 * opportunities get new ids; comments and votes stay with the originals. Returns
 * original id -> copy id.
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
  doc.transact(() => {
    for (const tp of sources) {
      const id = copies.get(tp.id) ?? createId(ID_PREFIXES.touchpoint)
      const position = parseInput(PositionSchema, {
        x: tp.position.x + shift.x,
        y: tp.position.y + shift.y,
      })
      touchpoints.set(
        id,
        entityToYMap({
          ...tp,
          id,
          position,
          painPoints: tp.painPoints.map((item) => createItem(item.text)),
          opportunities: tp.opportunities.map((item) => createItem(item.text)),
        }),
      )
    }
    const connections = collectionMap(doc, 'connections')
    const inner: Y.Map<unknown>[] = []
    connections.forEach((c) => {
      if (c instanceof Y.Map && copies.has(c.get('source') as string)) inner.push(c)
    })
    for (const c of inner) {
      const source = copies.get(c.get('source') as string)
      const target = copies.get(c.get('target') as string)
      if (source === undefined || target === undefined) continue
      const id = createId(ID_PREFIXES.connection)
      connections.set(id, entityToYMap({ ...c.toJSON(), id, source, target }))
    }
  }, origin)
  return copies
}
