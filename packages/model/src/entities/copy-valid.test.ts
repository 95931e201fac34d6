import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { readJourney } from '../doc/read-journey.js'
import { generateJourney } from '../generate-journey.js'
import { seededRandom } from '../seeded-random.js'
import { createJourneyFromTemplate, TEMPLATES } from '../templates/templates.js'
import { type Comment, CommentSchema } from './comment.js'
import { ConnectionSchema } from './connection.js'
import { copyValidConnection, copyValidPersona, copyValidStage } from './copy-valid-entities.js'
import { copyValidExportedJourney, copyValidJourneyExport } from './copy-valid-journey.js'
import {
  copyValidComment,
  copyValidExportedVoteSession,
  copyValidParticipant,
  copyValidVote,
  copyValidVoteSession,
} from './copy-valid-review.js'
import { copyValidTouchpoint } from './copy-valid-touchpoint.js'
import {
  type ExportedJourney,
  ExportedJourneySchema,
  JourneyExportSchema,
} from './journey-export.js'
import { ParticipantSchema } from './participant.js'
import { PersonaSchema } from './persona.js'
import { StageSchema } from './stage.js'
import { TouchpointSchema } from './touchpoint.js'
import {
  type ExportedVoteSession,
  ExportedVoteSessionSchema,
  VoteSchema,
  VoteSessionSchema,
} from './vote-session.js'

const ADA = { id: 'pa_ada', name: 'Ada', color: '#aa3366' }
const BO = { id: 'legacy-bo', name: 'Bo', color: '#475569' }

function sampleJourney(): ExportedJourney {
  const journey = readJourney(createJourneyFromTemplate('enterprise-demand-generation'))
  const [tp] = journey.touchpoints
  const [stage] = journey.stages
  if (!tp || !stage) throw new Error('template has touchpoints')
  tp.painPoints = [
    { id: 'it_1', text: 'Slow', priority: { sessionId: 'vs_1', rank: 1, votes: 2 } },
    { id: 'it_2', text: 'Unclear', priority: null },
  ]
  tp.priority = { sessionId: 'vs_1', rank: 2, votes: 0 }
  tp.evidence = [{ label: 'Interview', url: 'https://example.com/notes' }]
  tp.kpis = [{ name: 'Leads', target: null, actual: 12.5, unit: '' }]
  const comment = (fields: Partial<Comment> & Pick<Comment, 'id' | 'anchor'>): Comment => ({
    parentId: null,
    author: ADA,
    body: 'Check this',
    mentions: [],
    createdAt: '2026-11-24T15:00:00.000Z',
    editedAt: null,
    resolved: false,
    resolvedBy: null,
    ...fields,
  })
  const pain = { touchpointId: tp.id, itemId: 'it_1', list: 'painPoints' as const }
  const card = { touchpointId: tp.id, itemId: null, list: null }
  const session: ExportedVoteSession = {
    id: 'vs_1',
    status: 'revealed',
    title: 'Dot vote',
    items: [pain, card],
    votesPerPerson: 3,
    allowMultiplePerItem: false,
    hidden: true,
    endsAt: '2026-11-24T18:00:00+01:00',
    createdBy: ADA,
    createdAt: '2026-11-24T15:00:00.000Z',
    revealedAt: '2026-11-24T16:00:00.000Z',
    results: [
      { item: pain, votes: 2, rank: 1 },
      { item: card, votes: 0, rank: 2 },
    ],
    votes: [
      { id: 'vo_1', sessionId: 'vs_1', voter: ADA, item: pain, createdAt: '2026-11-24T15:10:00Z' },
      { id: 'vo_2', sessionId: 'vs_1', voter: BO, item: pain, createdAt: '2026-11-24T15:11:00Z' },
    ],
  }
  return {
    ...journey,
    comments: [
      comment({ id: 'cm_1', anchor: { type: 'touchpoint', id: tp.id }, mentions: ['pa_bo'] }),
      comment({
        id: 'cm_2',
        anchor: { type: 'canvas', x: -5, y: 7.5 },
        parentId: 'cm_1',
        author: BO,
        createdAt: '2026-11-24T16:00:00+01:00',
        editedAt: '2026-11-24T17:00:00Z',
        resolved: true,
        resolvedBy: ADA,
      }),
      comment({ id: 'cm_3', anchor: { type: 'stage', id: stage.id }, body: 'Stage note' }),
      comment({ id: 'cm_4', anchor: { type: 'item', ...pain } }),
    ],
    voteSessions: [
      session,
      {
        ...session,
        id: 'vs_2',
        status: 'open',
        results: null,
        revealedAt: null,
        endsAt: null,
        votes: [],
      },
    ],
  }
}

/** Values that break (or happen to fit) every kind of field. */
const BANK: unknown[] = [
  undefined,
  null,
  '',
  'x',
  'x'.repeat(65),
  'x'.repeat(2049),
  'x'.repeat(10_001),
  'tp_1',
  '__proto__',
  'constructor',
  'toString',
  'has space',
  'javascript:alert(1)',
  'https://example.com/a',
  'http://',
  '#aabbcc',
  '#aabbcg',
  '2026-11-24T15:00:00Z',
  '2026-13-01T00:00:00Z',
  'website',
  'nurture',
  'validated',
  'decision-maker',
  'white-paper',
  'touchpoint',
  'canvas',
  0,
  -0,
  1.5,
  3,
  4,
  -3,
  -4,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  1e7,
  1e7 + 1,
  1e12,
  1e12 + 1,
  true,
  false,
  [],
  ['tp_1'],
  [''],
  ['tp_1', 'tp_1'],
  Array.from({ length: 201 }, (_, i) => `x${i}`),
  {},
  { x: 1, y: 2 },
  { pe_1: 2 },
  { pe_1: 4 },
  { 'bad key': 1 },
  { [Symbol('s')]: 1 },
  Object.assign(Object.create(null), { x: 1, y: 2 }),
  new Date(0),
  new Map(),
]

/** A copy of `value` with one random change somewhere inside it. */
function mutate(value: unknown, random: () => number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  if (Array.isArray(value)) {
    const copy = [...value]
    const roll = random()
    if (copy.length > 0 && roll < 0.6) {
      const i = Math.floor(random() * copy.length)
      copy[i] = random() < 0.5 ? mutate(copy[i], random) : pick(BANK)
    } else if (roll < 0.8) copy.push(pick(BANK))
    else copy.pop()
    return copy
  }
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    const copy: Record<string, unknown> = { ...value }
    const keys = Object.keys(copy)
    const roll = random()
    if (keys.length > 0 && roll < 0.7) {
      const key = pick(keys)
      copy[key] = random() < 0.5 ? mutate(copy[key], random) : pick(BANK)
    } else if (roll < 0.8 && keys.length > 0) delete copy[pick(keys)]
    else if (roll < 0.9) copy.extra = pick(BANK)
    else copy.pe_extra = pick([2, -3, 9, 'x'])
    return copy
  }
  return pick(BANK)
}

type Copier = (value: unknown) => unknown
type Path = (string | number)[]

/** Every path inside `value` (objects and lists included), the root first. */
function paths(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix]
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      out.push(...paths(child, [...prefix, Array.isArray(value) ? Number(key) : key]))
    }
  }
  return out
}

/** A deep copy of `value` with the thing at `path` replaced (or removed when `replacement` is `REMOVE`). */
const REMOVE = Symbol('remove')
function replaced(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement
  const [head, ...rest] = path
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string,
    unknown
  >
  const next = replaced(copy[head as string], rest, replacement)
  if (next === REMOVE) delete copy[head as string]
  else copy[head as string] = next
  return copy
}

/** The fast path answers exactly as the schema does, and copies exactly what it returns. */
function expectAgreement(copy: Copier, schema: z.ZodType, value: unknown) {
  const fast = copy(value)
  const parsed = schema.safeParse(value)
  expect(fast !== undefined, JSON.stringify(value)?.slice(0, 300)).toBe(parsed.success)
  if (fast !== undefined) expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data))
}

const withoutVotes = ({ votes: _, ...session }: ExportedVoteSession) => session

const CASES: [string, Copier, z.ZodType, (j: ExportedJourney) => readonly unknown[]][] = [
  ['touchpoint', copyValidTouchpoint, TouchpointSchema, (j) => j.touchpoints],
  ['persona', copyValidPersona, PersonaSchema, (j) => j.personas],
  ['stage', copyValidStage, StageSchema, (j) => j.stages],
  ['connection', copyValidConnection, ConnectionSchema, (j) => j.connections],
  ['comment', copyValidComment, CommentSchema, (j) => j.comments],
  ['participant', copyValidParticipant, ParticipantSchema, (j) => j.comments.map((c) => c.author)],
  ['vote', copyValidVote, VoteSchema, (j) => j.voteSessions.flatMap((s) => s.votes)],
  ['session', copyValidVoteSession, VoteSessionSchema, (j) => j.voteSessions.map(withoutVotes)],
  [
    'exported session',
    copyValidExportedVoteSession,
    ExportedVoteSessionSchema,
    (j) => j.voteSessions,
  ],
]

describe('structural copies of valid entities', () => {
  it.each(CASES)('%s: accepts every valid one as the schema parses it', (_, copy, schema, of) => {
    const noReview = { comments: [], voteSessions: [] }
    const journeys = [
      sampleJourney(),
      { ...generateJourney({ touchpoints: 300, seed: 5 }), ...noReview },
      ...TEMPLATES.map((t) => ({ ...readJourney(createJourneyFromTemplate(t.id)), ...noReview })),
    ]
    for (const journey of journeys) {
      for (const entity of of(journey)) {
        const fast = copy(entity)
        expect(fast).toBeDefined()
        expectAgreement(copy, schema, entity)
      }
    }
  })

  it.each(CASES)('%s: refuses exactly what the schema refuses', (name, copy, schema, of) => {
    // Seeded, so every run tries the same cases.
    const random = seededRandom(name.length * 7919)
    const samples = of(sampleJourney())
    for (let i = 0; i < 3000; i++) {
      let value: unknown = samples[i % samples.length]
      const changes = 1 + Math.floor(random() * 3)
      for (let c = 0; c < changes; c++) value = mutate(value, random)
      expectAgreement(copy, schema, value)
    }
  })

  it.each(CASES)('%s: every field and item, swapped for every odd value', (_, copy, schema, of) => {
    for (const entity of of(sampleJourney()).slice(0, 2)) {
      for (const path of paths(entity).slice(1)) {
        for (const value of [...BANK, REMOVE]) {
          expectAgreement(copy, schema, replaced(entity, path, value))
        }
      }
      for (const extra of ['extra', 'pe_extra', '__proto__']) {
        for (const path of paths(entity)) {
          expectAgreement(copy, schema, replaced(entity, [...path, extra], 1))
        }
      }
    }
  })

  it('shares no object or list with its input', () => {
    const [tp] = sampleJourney().touchpoints
    const copy = copyValidTouchpoint(tp)
    if (!tp || !copy) throw new Error('valid touchpoint expected')
    for (const key of ['personaIds', 'emotions', 'content', 'painPoints', 'kpis', 'position']) {
      const field = key as keyof typeof tp
      expect(copy[field]).toEqual(tp[field])
      expect(copy[field]).not.toBe(tp[field])
    }
    expect(copy.painPoints[0]).not.toBe(tp.painPoints[0])
  })

  it('whole journeys and export files agree with their schemas', () => {
    const journey = sampleJourney()
    const file = {
      format: 'touchline.journey',
      version: 2,
      exportedAt: journey.comments[0]?.createdAt,
      journey,
    }
    expectAgreement(copyValidExportedJourney, ExportedJourneySchema, journey)
    expectAgreement(copyValidJourneyExport, JourneyExportSchema, file)
    expect(copyValidJourneyExport(file)).toBeDefined()
    // Seeded, so every run tries the same cases.
    const random = seededRandom(42)
    for (let i = 0; i < 400; i++) {
      expectAgreement(copyValidJourneyExport, JourneyExportSchema, mutate(file, random))
      expectAgreement(copyValidExportedJourney, ExportedJourneySchema, mutate(journey, random))
    }
  })
})
