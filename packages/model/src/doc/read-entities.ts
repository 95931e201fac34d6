import * as Y from 'yjs'
import type { z } from 'zod'
import { type Comment, CommentSchema, commentDefaults } from '../entities/comment.js'
import { type Connection, ConnectionSchema, connectionDefaults } from '../entities/connection.js'
import {
  copyValidComment,
  copyValidConnection,
  copyValidPersona,
  copyValidStage,
  copyValidVote,
} from '../entities/copy-valid-entities.js'
import { copyValidTouchpoint } from '../entities/copy-valid-touchpoint.js'
import { isId } from '../entities/field-checks.js'
import { type JourneyMeta, JourneyMetaSchema, journeyMetaDefaults } from '../entities/journey.js'
import { type Persona, PersonaSchema, personaDefaults } from '../entities/persona.js'
import { type Stage, StageSchema, stageDefaults } from '../entities/stage.js'
import { type Touchpoint, TouchpointSchema, touchpointDefaults } from '../entities/touchpoint.js'
import { type Vote, VoteSchema, voteDefaults } from '../entities/vote.js'
import { entityFields } from './entity-map.js'
import { type CollectionName, collectionMap, metaMap } from './layout.js'
import { sanitizeEntity } from './sanitize-entity.js'

export interface EntityOf {
  personas: Persona
  stages: Stage
  touchpoints: Touchpoint
  connections: Connection
  comments: Comment
  votes: Vote
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
  comments: reader(copyValidComment, CommentSchema, commentDefaults),
  votes: reader(copyValidVote, VoteSchema, voteDefaults),
}

export function readEntity<K extends CollectionName>(
  name: K,
  id: string,
  value: unknown,
): EntityOf[K] | undefined {
  if (!(value instanceof Y.Map) || !isId(id)) return undefined
  return READERS[name](id, entityFields(value as Y.Map<unknown>))
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
