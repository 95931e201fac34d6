import {
  type ChannelId,
  type ConfidenceLevel,
  type ConnectionKind,
  type ContentType,
  DEFAULT_STAGES,
  ID_PREFIXES,
} from '../constants.js'
import { createId } from '../create-id.js'
import type { Connection } from '../entities/connection.js'
import { type Journey, journeyMetaDefaults, type SuccessMetric } from '../entities/journey.js'
import { type Persona, personaDefaults } from '../entities/persona.js'
import { type Touchpoint, touchpointDefaults } from '../entities/touchpoint.js'
import { createItem } from '../mutations/create-item.js'

export type PersonaSpec = Partial<Omit<Persona, 'id'>> & Pick<Persona, 'name' | 'role'>

export interface TouchpointSpec {
  /** Index into DEFAULT_STAGES. */
  stage: number
  title: string
  description?: string
  channel: ChannelId
  owner: string
  /** Persona key -> emotion score; these are the personas served. */
  feel: Record<string, number>
  content: [ContentType, string]
  kpi: [name: string, target: number, unit: string]
  action?: string
  thought?: string
  cta?: string
  campaign?: string
  pains?: string[]
  opportunities?: string[]
  momentOfTruth?: boolean
  conversion?: boolean
  end?: boolean
  confidence?: ConfidenceLevel
  evidence?: [label: string, url: string][]
}

export interface ConnectionSpec {
  from: string
  to: string
  kind?: ConnectionKind
  label?: string
  condition?: string
  cadence?: string
  exitCriteria?: string
}

export interface JourneySpec {
  title: string
  description: string
  goal: string
  ownerTeam: string
  tags: string[]
  metrics: SuccessMetric[]
  personas: Record<string, PersonaSpec>
  touchpoints: Record<string, TouchpointSpec>
  connections: ConnectionSpec[]
}

const COLUMN_WIDTH = 320
const ROW_HEIGHT = 200

/**
 * Turns a compact, key-based description into a Journey with fresh ids, laid out as one
 * column per default stage, cards stacked in the order they are listed.
 */
export function buildJourney(spec: JourneySpec, title = spec.title): Journey {
  const stages = DEFAULT_STAGES.map((name, index) => ({
    id: createId(ID_PREFIXES.stage),
    name,
    description: '',
    order: index + 1,
  }))
  const personaIds = new Map<string, string>()
  const personas = Object.entries(spec.personas).map(([key, p]) => {
    const id = createId(ID_PREFIXES.persona)
    personaIds.set(key, id)
    return { ...personaDefaults(id), ...p, id }
  })
  const personaId = (key: string) => {
    const id = personaIds.get(key)
    if (!id) throw new Error(`template: unknown persona "${key}"`)
    return id
  }
  const rows = new Map<number, number>()
  const touchpointIds = new Map<string, string>()
  const touchpoints: Touchpoint[] = Object.entries(spec.touchpoints).map(([key, t]) => {
    const id = createId(ID_PREFIXES.touchpoint)
    touchpointIds.set(key, id)
    const stage = stages[t.stage]
    if (!stage) throw new Error(`template: no stage ${t.stage}`)
    const row = rows.get(t.stage) ?? 0
    rows.set(t.stage, row + 1)
    const served = Object.keys(t.feel).map(personaId)
    return {
      ...touchpointDefaults(id, stage.id),
      title: t.title,
      description: t.description ?? '',
      channel: t.channel,
      owner: t.owner,
      personaIds: served,
      emotions: Object.fromEntries(Object.entries(t.feel).map(([k, v]) => [personaId(k), v])),
      content: { type: t.content[0], title: t.content[1], url: '' },
      customerAction: t.action ?? '',
      customerThought: t.thought ?? '',
      callToAction: t.cta ?? '',
      campaignTag: t.campaign ?? '',
      painPoints: (t.pains ?? []).map(createItem),
      opportunities: (t.opportunities ?? []).map(createItem),
      kpis: [{ name: t.kpi[0], target: t.kpi[1], actual: null, unit: t.kpi[2] }],
      momentOfTruth: t.momentOfTruth ?? false,
      conversion: t.conversion ?? false,
      intendedEnd: t.end ?? false,
      confidence: t.confidence ?? 'assumed',
      evidence: (t.evidence ?? []).map(([label, url]) => ({ label, url })),
      position: { x: 40 + t.stage * COLUMN_WIDTH, y: 80 + row * ROW_HEIGHT },
    }
  })
  const touchpointId = (key: string) => {
    const id = touchpointIds.get(key)
    if (!id) throw new Error(`template: unknown touchpoint "${key}"`)
    return id
  }
  const connections: Connection[] = spec.connections.map((c) => ({
    id: createId(ID_PREFIXES.connection),
    source: touchpointId(c.from),
    target: touchpointId(c.to),
    kind: c.kind ?? 'next',
    label: c.label ?? '',
    condition: c.condition ?? '',
    cadence: c.cadence ?? '',
    exitCriteria: c.exitCriteria ?? '',
  }))
  return {
    ...journeyMetaDefaults(title),
    description: spec.description,
    goal: spec.goal,
    ownerTeam: spec.ownerTeam,
    tags: spec.tags,
    metrics: spec.metrics,
    personas,
    stages,
    touchpoints,
    connections,
  }
}
