import * as Y from 'yjs'
import { ID_PREFIXES, LIMITS } from '../constants.js'
import { createId } from '../create-id.js'
import { entityToYMap, patchEntityMap } from '../doc/entity-map.js'
import { collectionMap } from '../doc/layout.js'
import { type Connection, ConnectionSchema, connectionDefaults } from '../entities/connection.js'
import { currentEntity, requireCapacity, requireEntity } from './doc-access.js'
import { invalid, parseInput } from './invalid-input-error.js'
import { deleteConnections } from './remove-touchpoints.js'

export type ConnectionInput = Pick<Connection, 'source' | 'target'> &
  Partial<Omit<Connection, 'id' | 'source' | 'target'>>
export type ConnectionPatch = Partial<Omit<Connection, 'id'>>

const PatchSchema = ConnectionSchema.omit({ id: true }).partial()

function requireEnds(doc: Y.Doc, source: string, target: string, kind: Connection['kind']) {
  requireEntity(doc, 'touchpoints', source, 'source')
  requireEntity(doc, 'touchpoints', target, 'target')
  // A loop back to the same card only makes sense as a recurring nurture touch.
  if (source === target && kind !== 'nurture') {
    throw invalid('target', 'only a nurture loop can lead back to the same touchpoint')
  }
}

function findExisting(doc: Y.Doc, input: Connection): string | undefined {
  let found: string | undefined
  collectionMap(doc, 'connections').forEach((c, id) => {
    if (
      c instanceof Y.Map &&
      c.get('source') === input.source &&
      c.get('target') === input.target &&
      c.get('kind') === input.kind
    ) {
      found ??= id
    }
  })
  return found
}

/**
 * Connects two touchpoints; returns the connection id. Connecting the same pair with the
 * same kind again returns the existing connection instead of drawing a duplicate.
 */
export function connect(doc: Y.Doc, origin: unknown, input: ConnectionInput): string {
  const id = createId(ID_PREFIXES.connection)
  const connection = parseInput(ConnectionSchema, {
    ...connectionDefaults(id, input.source, input.target),
    ...input,
    id,
  })
  requireEnds(doc, connection.source, connection.target, connection.kind)
  const existing = findExisting(doc, connection)
  if (existing !== undefined) return existing
  requireCapacity(doc, 'connections', LIMITS.connections)
  doc.transact(() => {
    collectionMap(doc, 'connections').set(id, entityToYMap(connection))
  }, origin)
  return id
}

/** Edits a connection: its kind, label, condition, nurture cadence and exit, or its ends. */
export function updateConnection(
  doc: Y.Doc,
  origin: unknown,
  id: string,
  patch: ConnectionPatch,
): boolean {
  const map = requireEntity(doc, 'connections', id, 'id')
  const valid = parseInput(PatchSchema, patch)
  const current = currentEntity(doc, 'connections', id)
  const next = { ...current, ...valid }
  if (next.source !== undefined && next.target !== undefined && next.kind !== undefined) {
    requireEnds(doc, next.source, next.target, next.kind)
  }
  let changed = false
  doc.transact(() => {
    changed = patchEntityMap(map, valid)
  }, origin)
  return changed
}

export function removeConnections(doc: Y.Doc, origin: unknown, ids: readonly string[]): number {
  let removed = 0
  doc.transact(() => {
    removed = deleteConnections(doc, ids)
  }, origin)
  return removed
}
