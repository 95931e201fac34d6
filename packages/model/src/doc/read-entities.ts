import * as Y from 'yjs'
import { type Comment, CommentSchema, commentDefaults } from '../entities/comment.js'
import { type Connection, ConnectionSchema, connectionDefaults } from '../entities/connection.js'
import { IdSchema } from '../entities/fields.js'
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

/** Per collection: one stored entity -> a schema-valid object. The map key is the id. */
const READERS: { [K in CollectionName]: Reader<EntityOf[K]> } = {
  personas: (id, f) => ({ ...sanitizeEntity(PersonaSchema, personaDefaults(id), f), id }),
  stages: (id, f) => ({ ...sanitizeEntity(StageSchema, stageDefaults(id), f), id }),
  touchpoints: (id, f) => ({
    ...sanitizeEntity(TouchpointSchema, touchpointDefaults(id, ''), f),
    id,
  }),
  connections: (id, f) => ({
    ...sanitizeEntity(ConnectionSchema, connectionDefaults(id, '', ''), f),
    id,
  }),
  comments: (id, f) => ({ ...sanitizeEntity(CommentSchema, commentDefaults(id), f), id }),
  votes: (id, f) => ({ ...sanitizeEntity(VoteSchema, voteDefaults(id), f), id }),
}

export function readEntity<K extends CollectionName>(
  name: K,
  id: string,
  value: unknown,
): EntityOf[K] | undefined {
  if (!(value instanceof Y.Map) || !IdSchema.safeParse(id).success) return undefined
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
