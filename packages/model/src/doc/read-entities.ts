import * as Y from 'yjs'
import type { z } from 'zod'
import { type Connection, ConnectionSchema, connectionDefaults } from '../entities/connection.js'
import {
  copyValidConnection,
  copyValidPersona,
  copyValidStage,
} from '../entities/copy-valid-entities.js'
import { copyPriority, copyValidTouchpoint } from '../entities/copy-valid-touchpoint.js'
import { isId } from '../entities/field-checks.js'
import { type JourneyMeta, JourneyMetaSchema, journeyMetaDefaults } from '../entities/journey.js'
import { type Persona, PersonaSchema, personaDefaults } from '../entities/persona.js'
import { type Stage, StageSchema, stageDefaults } from '../entities/stage.js'
import { type Touchpoint, TouchpointSchema, touchpointDefaults } from '../entities/touchpoint.js'
import { entityFields } from './entity-map.js'
import { type CollectionName, collectionMap, metaMap } from './layout.js'
import { sanitizeEntity } from './sanitize-entity.js'

export interface EntityOf {
  personas: Persona
  stages: Stage
  touchpoints: Touchpoint
  connections: Connection
}

type Reader<T> = (id: string, fields: Record<string, unknown>) => T

/**
 * One stored entity -> a schema-valid object whose id is the map key. Nearly every stored
 * entity is valid, so a structural copy comes first. Fields the schema does not know (from
 * a newer build or another tool) and a missing or different `id` field are ignored on a
 * read anyway, so the copy is retried without them before the schema salvages the entity
 * field by field; otherwise one such field everywhere would slow every read.
 */
function reader<T extends { id: string }>(
  copyValid: (value: unknown) => T | undefined,
  schema: z.ZodObject,
  defaults: (id: string) => T,
): Reader<T> {
  const keys = Object.keys(schema.shape)
  return (id, fields) => {
    let valid = copyValid(fields)
    if (!valid) {
      const known: Record<string, unknown> = {}
      for (const key of keys) known[key] = fields[key]
      known.id = id
      valid = copyValid(known)
    }
    if (valid) {
      valid.id = id
      return valid
    }
    return { ...sanitizeEntity(schema, defaults(id), fields), id }
  }
}

const READERS: { [K in CollectionName]: Reader<EntityOf[K]> } = {
  personas: reader(copyValidPersona, PersonaSchema, personaDefaults),
  stages: reader(copyValidStage, StageSchema, stageDefaults),
  touchpoints: reader(copyValidTouchpoint, TouchpointSchema, (id) => touchpointDefaults(id, '')),
  connections: reader(copyValidConnection, ConnectionSchema, (id) =>
    connectionDefaults(id, '', ''),
  ),
}

const lacksPriority = (item: unknown): item is Record<string, unknown> =>
  typeof item === 'object' &&
  item !== null &&
  !Array.isArray(item) &&
  copyPriority((item as Record<string, unknown>).priority) === false

function itemsWithPriority(list: unknown): unknown {
  if (!Array.isArray(list) || !list.some(lacksPriority)) return list
  return list.map((item: unknown) => (lacksPriority(item) ? { ...item, priority: null } : item))
}

/**
 * Layout version 1 had no priorities, and other tools may write cards and items without
 * one: a missing or broken priority reads as null rather than costing the item its place
 * in the list. Returns `fields` itself when nothing is missing.
 */
function withPriorities(fields: Record<string, unknown>): Record<string, unknown> {
  const painPoints = itemsWithPriority(fields.painPoints)
  const opportunities = itemsWithPriority(fields.opportunities)
  const priority = copyPriority(fields.priority) === false ? null : fields.priority
  const unchanged = painPoints === fields.painPoints && opportunities === fields.opportunities
  if (unchanged && priority === fields.priority) return fields
  return { ...fields, priority, painPoints, opportunities }
}

export function readEntity<K extends CollectionName>(
  name: K,
  id: string,
  value: unknown,
): EntityOf[K] | undefined {
  if (!(value instanceof Y.Map) || !isId(id)) return undefined
  const fields = entityFields(value as Y.Map<unknown>)
  return READERS[name](id, name === 'touchpoints' ? withPriorities(fields) : fields)
}

export function readCollection<K extends CollectionName>(
  doc: Y.Doc,
  name: K,
): Map<string, EntityOf[K]> {
  const out = new Map<string, EntityOf[K]>()
  collectionMap(doc, name).forEach((value, id) => {
    const entity = readEntity(name, id, value)
    if (entity) out.set(id, entity)
  })
  return out
}

/** Re-reads only `changed` ids, reusing every other entity object of `previous`. */
export function updateCollection<K extends CollectionName>(
  doc: Y.Doc,
  name: K,
  previous: ReadonlyMap<string, EntityOf[K]>,
  changed: ReadonlySet<string>,
): Map<string, EntityOf[K]> {
  if (changed.size === 0) return previous as Map<string, EntityOf[K]>
  const out = new Map(previous)
  const map = collectionMap(doc, name)
  for (const id of changed) {
    const entity = readEntity(name, id, map.get(id))
    if (entity) out.set(id, entity)
    else out.delete(id)
  }
  return out
}

export function readMeta(doc: Y.Doc): JourneyMeta {
  const fields = metaMap(doc).toJSON() as Record<string, unknown>
  return sanitizeEntity(JourneyMetaSchema, journeyMetaDefaults(), {
    ...fields,
    schemaVersion: journeyMetaDefaults().schemaVersion,
  })
}
