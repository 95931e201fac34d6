import { CHANNEL_IDS, CONTENT_TYPE_IDS, DEFAULT_STAGES, LIMITS } from './constants.js'
import type { Connection } from './entities/connection.js'
import { type Journey, journeyMetaDefaults } from './entities/journey.js'
import { PERSONA_COLORS, type Persona, personaDefaults } from './entities/persona.js'
import type { Stage } from './entities/stage.js'
import { type Touchpoint, touchpointDefaults } from './entities/touchpoint.js'
import { seededRandom } from './seeded-random.js'

export interface GenerateOptions {
  touchpoints?: number
  personas?: number
  seed?: number
}

const OWNERS = ['Demand generation', 'Sales', 'Customer success', 'Product marketing', '']
const ROLES = ['decision-maker', 'influencer', 'evaluator', 'user', 'champion'] as const

/** Zero-padded so ids sort in creation order, like real ids. */
const seq = (prefix: string, n: number) => `${prefix}_${n.toString(36).padStart(6, '0')}`

/**
 * A large, valid, realistic-looking journey that depends only on its options: the same
 * seed gives the same journey. For benchmarks, load tests and canvas performance work.
 */
export function generateJourney(options: GenerateOptions = {}): Journey {
  const count = Math.max(0, Math.min(options.touchpoints ?? 200, LIMITS.touchpoints))
  const personaCount = Math.max(1, Math.min(options.personas ?? 4, LIMITS.personas))
  const random = seededRandom(options.seed ?? 1)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T

  const stages: Stage[] = DEFAULT_STAGES.map((name, i) => ({
    id: seq('st', i),
    name,
    description: '',
    order: i + 1,
  }))
  const personas: Persona[] = Array.from({ length: personaCount }, (_, i) => ({
    ...personaDefaults(seq('pe', i)),
    name: `Persona ${i + 1}`,
    role: ROLES[i % ROLES.length] ?? 'evaluator',
    color: PERSONA_COLORS[i % PERSONA_COLORS.length] ?? PERSONA_COLORS[0],
  }))
  const perStage = Math.ceil(count / stages.length) || 1
  const columns = Math.ceil(Math.sqrt(perStage))
  const touchpoints: Touchpoint[] = Array.from({ length: count }, (_, i) => {
    const stageIndex = Math.min(stages.length - 1, Math.floor(i / perStage))
    const slot = i - stageIndex * perStage
    const stage = stages[stageIndex] ?? stages[0]
    const served = personas.filter(() => random() < 0.5)
    const audience = served.length ? served : [pick(personas)]
    const channel = pick(CHANNEL_IDS)
    return {
      ...touchpointDefaults(seq('tp', i), stage?.id ?? ''),
      title: `Touchpoint ${i + 1}: ${channel}`,
      channel,
      owner: pick(OWNERS),
      personaIds: audience.map((p) => p.id),
      emotions: Object.fromEntries(audience.map((p) => [p.id, Math.floor(random() * 7) - 3])),
      content:
        random() < 0.8 ? { type: pick(CONTENT_TYPE_IDS), title: `Asset ${i + 1}`, url: '' } : null,
      painPoints:
        random() < 0.3
          ? [{ id: seq('it', i * 2), text: `Pain point of touchpoint ${i + 1}`, priority: null }]
          : [],
      opportunities:
        random() < 0.2
          ? [{ id: seq('it', i * 2 + 1), text: `Idea for touchpoint ${i + 1}`, priority: null }]
          : [],
      kpis: random() < 0.7 ? [{ name: 'Conversion', target: 10, actual: null, unit: '%' }] : [],
      momentOfTruth: random() < 0.05,
      conversion: random() < 0.1,
      intendedEnd: i === count - 1,
      position: {
        x: stageIndex * (columns * 280 + 120) + (slot % columns) * 280,
        y: Math.floor(slot / columns) * 180,
      },
    }
  })
  const connections: Connection[] = []
  const link = (source: number, target: number, kind: Connection['kind']) => {
    const s = touchpoints[source]
    const t = touchpoints[target]
    if (!s || !t || connections.length >= LIMITS.connections) return
    connections.push({
      id: seq('cn', connections.length),
      source: s.id,
      target: t.id,
      kind,
      label: '',
      condition: '',
      cadence: kind === 'nurture' ? 'every 2 weeks' : '',
      exitCriteria: kind === 'nurture' ? 'requests a demo' : '',
    })
  }
  for (let i = 0; i + 1 < count; i++) {
    link(i, i + 1, (i + 1) % perStage === 0 ? 'handoff' : 'next')
    if (random() < 0.15) link(i, Math.min(count - 1, i + 2 + Math.floor(random() * 10)), 'next')
    if (i % 25 === 24) link(i, Math.max(0, i - 1 - Math.floor(random() * 20)), 'nurture')
  }
  return {
    ...journeyMetaDefaults(`Generated journey (${count} touchpoints)`),
    description: `Generated with seed ${options.seed ?? 1}.`,
    personas,
    stages,
    touchpoints,
    connections,
  }
}
