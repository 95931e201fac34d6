import { z } from 'zod'
import { CHANNEL_IDS, CONFIDENCE_LEVEL_IDS, CONTENT_TYPE_IDS } from '../constants.js'
import {
  CoordinateSchema,
  EmotionSchema,
  IdSchema,
  listOf,
  NameSchema,
  TextSchema,
  UrlSchema,
} from './fields.js'
import { ItemSchema } from './item.js'
import { PrioritySchema } from './priority.js'

export const KpiSchema = z.strictObject({
  name: NameSchema,
  target: z.number().nullable(),
  actual: z.number().nullable(),
  /** Free text such as "%", "leads/month" or "EUR". */
  unit: TextSchema,
})
export type Kpi = z.infer<typeof KpiSchema>

export const ContentSchema = z.strictObject({
  type: z.enum(CONTENT_TYPE_IDS),
  title: TextSchema,
  url: UrlSchema,
})
export type Content = z.infer<typeof ContentSchema>

export const EvidenceSchema = z.strictObject({ label: NameSchema, url: UrlSchema })
export type Evidence = z.infer<typeof EvidenceSchema>

export const PositionSchema = z.strictObject({ x: CoordinateSchema, y: CoordinateSchema })
export type Position = z.infer<typeof PositionSchema>

/** A card on the canvas: one interaction between the buyer and the company. */
export const TouchpointSchema = z.strictObject({
  id: IdSchema,
  title: NameSchema,
  description: TextSchema,
  stageId: IdSchema,
  channel: z.enum(CHANNEL_IDS),
  /** Who on our side runs it (a team or a person). */
  owner: TextSchema,
  personaIds: listOf(IdSchema, 100),
  /** How each persona feels here, -3 (very negative) to +3 (delighted); absent = not rated. */
  emotions: z.record(IdSchema, EmotionSchema),
  content: ContentSchema.nullable(),
  customerAction: TextSchema,
  customerThought: TextSchema,
  callToAction: TextSchema,
  /** Campaign or UTM tag, e.g. "utm_campaign=q3-cfo-webinar". */
  campaignTag: TextSchema,
  painPoints: listOf(ItemSchema),
  opportunities: listOf(ItemSchema),
  kpis: listOf(KpiSchema),
  momentOfTruth: z.boolean(),
  /** A conversion (download, registration, purchase): continual engagement must follow it. */
  conversion: z.boolean(),
  /** Marks a deliberate end of the journey, so it is not reported as a dead end. */
  intendedEnd: z.boolean(),
  confidence: z.enum(CONFIDENCE_LEVEL_IDS),
  evidence: listOf(EvidenceSchema),
  position: PositionSchema,
  /** Set when a vote session on the touchpoint itself is revealed. */
  priority: PrioritySchema.nullable(),
})

export type Touchpoint = z.infer<typeof TouchpointSchema>

export function touchpointDefaults(id: string, stageId: string): Touchpoint {
  return {
    id,
    title: 'Touchpoint',
    description: '',
    stageId,
    channel: 'website',
    owner: '',
    personaIds: [],
    emotions: {},
    content: null,
    customerAction: '',
    customerThought: '',
    callToAction: '',
    campaignTag: '',
    painPoints: [],
    opportunities: [],
    kpis: [],
    momentOfTruth: false,
    conversion: false,
    intendedEnd: false,
    confidence: 'assumed',
    evidence: [],
    position: { x: 0, y: 0 },
    priority: null,
  }
}
