import { z } from 'zod'
import { LIMITS, SCHEMA_VERSION } from '../constants.js'
import { ConnectionSchema } from './connection.js'
import { listOf, NameSchema, TextSchema } from './fields.js'
import { PersonaSchema } from './persona.js'
import { StageSchema } from './stage.js'
import { TouchpointSchema } from './touchpoint.js'

/** A success metric defined up front, e.g. "Sales-qualified leads" / "120 per quarter". */
export const SuccessMetricSchema = z.strictObject({ name: NameSchema, target: TextSchema })
export type SuccessMetric = z.infer<typeof SuccessMetricSchema>

/** The journey's own fields, stored in the Y.Doc's `meta` map. */
export const JourneyMetaSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  title: NameSchema,
  description: TextSchema,
  /** Who we are today -> who we want to be in the buyer's mind. */
  goal: TextSchema,
  metrics: listOf(SuccessMetricSchema, LIMITS.metrics),
  ownerTeam: TextSchema,
  tags: listOf(NameSchema),
})
export type JourneyMeta = z.infer<typeof JourneyMetaSchema>

/**
 * A whole journey's content as plain JSON-friendly data, as `readJourney` returns it (the
 * review data, comments and vote sessions, lives in the review doc). Stages are sorted by
 * `order`; every other collection by id (ids start with a creation timestamp, so this is
 * creation order and stable across clients).
 */
export const JourneySchema = z.strictObject({
  ...JourneyMetaSchema.shape,
  personas: listOf(PersonaSchema, LIMITS.personas),
  stages: listOf(StageSchema, LIMITS.stages),
  touchpoints: listOf(TouchpointSchema, LIMITS.touchpoints),
  connections: listOf(ConnectionSchema, LIMITS.connections),
})

export type Journey = z.infer<typeof JourneySchema>

export const JOURNEY_META_KEYS = Object.keys(JourneyMetaSchema.shape) as (keyof JourneyMeta)[]

export function journeyMetaDefaults(title = 'Untitled journey'): JourneyMeta {
  return {
    schemaVersion: SCHEMA_VERSION,
    title,
    description: '',
    goal: '',
    metrics: [],
    ownerTeam: '',
    tags: [],
  }
}
