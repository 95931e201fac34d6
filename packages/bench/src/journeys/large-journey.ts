// Deterministic large journeys for load and canvas runs: the same seed gives the same
// journey, so every server and every page is measured on identical content.
import {
  CHANNEL_IDS,
  type Connection,
  DEFAULT_STAGES,
  type Journey,
  journeyToDoc,
  PERSONA_COLORS,
  PERSONA_ROLE_IDS,
  type Persona,
  SCHEMA_VERSION,
  type Stage,
  seededRandom,
  type Touchpoint,
} from '@touchline/model'
import type * as Y from 'yjs'

const COLUMN_WIDTH = 320
const ROW_HEIGHT = 200
const PERSONAS = 6

function pick<T>(items: readonly T[], next: () => number): T {
  const item = items[Math.floor(next() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

const id = (prefix: string, n: number) => `${prefix}-bench-${n.toString(36).padStart(5, '0')}`

/**
 * A journey with `touchpoints` cards spread over the default stages, each served to one or
 * two personas with an emotion score, chained by `next` connections within a stage and into
 * the following stage, plus a nurture loop every tenth card (about 1.3 connections a card).
 */
export function largeJourney(touchpoints: number, seed = 1): Journey {
  const next = seededRandom(seed)
  const stages: Stage[] = DEFAULT_STAGES.map((name, index) => ({
    id: id('st', index),
    name,
    description: '',
    order: index + 1,
  }))
  const personas: Persona[] = Array.from({ length: PERSONAS }, (_, index) => ({
    id: id('pe', index),
    name: `Persona ${index + 1}`,
    role: pick(PERSONA_ROLE_IDS, next),
    description: 'A member of the buying group.',
    goals: ['Hit the quarter'],
    jobsToBeDone: ['Compare vendors'],
    pains: ['Too many tools'],
    preferredChannels: [pick(CHANNEL_IDS, next)],
    informationSources: ['Peers'],
    color: PERSONA_COLORS[index % PERSONA_COLORS.length] ?? '#2f6fdf',
  }))
  const perStage = Math.ceil(touchpoints / stages.length)
  const cards: Touchpoint[] = []
  for (let n = 0; n < touchpoints; n++) {
    const column = Math.floor(n / perStage)
    const row = n % perStage
    const stage = stages[column] ?? stages[stages.length - 1]
    const persona = personas[n % PERSONAS]
    if (!stage || !persona) throw new Error('no stage or persona')
    cards.push({
      id: id('tp', n),
      title: `Touchpoint ${n + 1}`,
      description: 'Generated for benchmarks.',
      stageId: stage.id,
      channel: pick(CHANNEL_IDS, next),
      owner: 'Demand gen',
      personaIds: [persona.id],
      emotions: { [persona.id]: Math.floor(next() * 7) - 3 },
      content: null,
      customerAction: 'Reads',
      customerThought: 'Is this for me?',
      callToAction: 'Learn more',
      campaignTag: `utm_campaign=bench-${column}`,
      painPoints: [],
      opportunities: [],
      kpis: [],
      momentOfTruth: n % 50 === 0,
      conversion: n % 40 === 0,
      intendedEnd: row === perStage - 1 && column === stages.length - 1,
      confidence: 'assumed',
      evidence: [],
      position: { x: 40 + column * COLUMN_WIDTH, y: 80 + row * ROW_HEIGHT },
      priority: null,
    })
  }
  const connections: Connection[] = []
  const connect = (source: Touchpoint, target: Touchpoint, kind: Connection['kind']) => {
    connections.push({
      id: id('cn', connections.length),
      source: source.id,
      target: target.id,
      kind,
      label: '',
      condition: '',
      cadence: kind === 'nurture' ? 'every 2 weeks' : '',
      exitCriteria: kind === 'nurture' ? 'requests a demo' : '',
    })
  }
  for (let n = 0; n < cards.length; n++) {
    const card = cards[n]
    const below = cards[n + 1]
    const across = cards[n + perStage]
    if (!card) continue
    if (below && (n + 1) % perStage !== 0) connect(card, below, 'next')
    if (across && n % 4 === 0) connect(card, across, 'next')
    if (n % 10 === 9) {
      const back = cards[n - 5]
      if (back) connect(card, back, 'nurture')
    }
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    title: `Benchmark journey (${touchpoints} touchpoints)`,
    description: 'Generated deterministically for benchmarks.',
    goal: '',
    metrics: [],
    ownerTeam: 'Benchmarks',
    tags: ['benchmark'],
    personas,
    stages,
    touchpoints: cards,
    connections,
  }
}

export function largeJourneyDoc(touchpoints: number, seed = 1): Y.Doc {
  return journeyToDoc(largeJourney(touchpoints, seed))
}
