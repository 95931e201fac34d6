import { describe, expect, it } from 'vitest'
import { FORMAT, LIMITS, SCHEMA_VERSION } from '../constants.js'
import { readJourney } from '../doc/read-journey.js'
import type { JourneyExport } from '../entities/journey-export.js'
import { generateJourney } from '../generate-journey.js'
import { exportJourney } from './export-journey.js'
import { importJourney } from './import-journey.js'
import { MAX_ISSUES, validateJourneyExport } from './validate-journey-export.js'

function validFile(): JourneyExport {
  return {
    format: FORMAT,
    version: SCHEMA_VERSION,
    exportedAt: '2026-01-02T03:04:05.000Z',
    journey: {
      ...generateJourney({ touchpoints: 12, personas: 3, seed: 7 }),
      comments: [],
      voteSessions: [],
    },
  }
}

/** A deep copy as plain JSON data, free to be broken by a test. */
type Editable = Record<string, unknown> & {
  journey: Record<string, unknown> & {
    personas: unknown[]
    stages: unknown[]
    touchpoints: unknown[]
    connections: unknown[]
    comments: unknown[]
    voteSessions: unknown[]
  }
}

function editable(): Editable {
  return JSON.parse(JSON.stringify(validFile()))
}

function record(value: unknown): Record<string, unknown> {
  return value as Record<string, unknown>
}

function issuesOf(json: unknown) {
  const result = importJourney(json)
  if (result.ok) throw new Error('expected the import to fail')
  expect(result).not.toHaveProperty('doc')
  return result.issues
}

describe('importJourney: valid input', () => {
  it('imports a valid file into a new doc and returns the journey and its review', () => {
    const file = validFile()
    const result = importJourney(file)
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    const { comments, voteSessions, ...content } = file.journey
    expect(result.journey).toEqual(content)
    expect(readJourney(result.doc)).toEqual(content)
    expect(result.review).toEqual({ comments, voteSessions })
  })

  it('accepts JSON text, with or without a byte-order mark', () => {
    expect(importJourney(JSON.stringify(validFile())).ok).toBe(true)
    expect(importJourney(`\uFEFF${JSON.stringify(validFile())}`).ok).toBe(true)
  })

  it('accepts timestamps with a UTC offset', () => {
    const file = editable()
    file.exportedAt = '2026-01-02T05:04:05+02:00'
    expect(importJourney(file).ok).toBe(true)
  })

  it.each([1, 2, 3])('round-trips generated journey %i unchanged', (seed) => {
    const journey = {
      ...generateJourney({ touchpoints: 300, seed }),
      comments: [],
      voteSessions: [],
    }
    const file = { ...validFile(), journey }
    const imported = importJourney(JSON.parse(JSON.stringify(file)))
    if (!imported.ok) throw new Error(JSON.stringify(imported.issues))
    const again = exportJourney(imported.doc, { now: new Date(file.exportedAt) })
    expect(again).toEqual(file)
  })
})

describe('importJourney: one test per error class', () => {
  it('text that is not JSON', () => {
    const [issue] = issuesOf('{"format": ')
    expect(issue?.path).toBe('')
    expect(issue?.message).toMatch(/^is not valid JSON: /)
  })

  it('JSON text over the size limit', () => {
    expect(issuesOf(' '.repeat(LIMITS.importBytes + 1))).toEqual([
      { path: '', message: `is larger than ${LIMITS.importBytes} bytes` },
    ])
    // Fewer characters than the limit, but more bytes: each "€" is three.
    expect(issuesOf(`"${'€'.repeat(Math.ceil(LIMITS.importBytes / 3))}"`)).toEqual([
      { path: '', message: `is larger than ${LIMITS.importBytes} bytes` },
    ])
  })

  it('a value that is not an object', () => {
    expect(issuesOf([1, 2])).toEqual([
      { path: '', message: 'must be a JSON object (a Touchline journey file)' },
    ])
  })

  it('another format', () => {
    expect(issuesOf({ ...editable(), format: 'other.tool' })).toEqual([
      { path: 'format', message: `must be "${FORMAT}" (this is not a Touchline journey file)` },
    ])
  })

  it('a version that is not a whole number of at least 1', () => {
    expect(issuesOf({ ...editable(), version: '1' })).toEqual([
      { path: 'version', message: 'must be a whole number of at least 1' },
    ])
  })

  it('a version from a newer Touchline', () => {
    expect(issuesOf({ ...editable(), version: 7 })).toEqual([
      {
        path: 'version',
        message:
          'this file was written by a newer Touchline (format version 7); this version reads up to version 2',
      },
    ])
  })

  it('a "__proto__" key', () => {
    const text = JSON.stringify(validFile()).replace(
      '"title":"Touchpoint 1',
      '"__proto__":{"x":1},"title":"Touchpoint 1',
    )
    expect(issuesOf(JSON.parse(text))).toEqual([
      { path: 'touchpoints[0].__proto__', message: 'the key "__proto__" is not allowed' },
    ])
  })

  it('a "constructor" key', () => {
    const file = editable()
    Object.defineProperty(file.journey.personas[1], 'constructor', {
      value: { prototype: {} },
      enumerable: true,
    })
    expect(issuesOf(file)).toEqual([
      { path: 'personas[1].constructor', message: 'the key "constructor" is not allowed' },
    ])
  })

  it('a non-finite number', () => {
    const file = editable()
    record(record(file.journey.touchpoints[2]).position).x = Number.POSITIVE_INFINITY
    expect(issuesOf(file)).toEqual([
      { path: 'touchpoints[2].position.x', message: 'must be a finite number (got Infinity)' },
    ])
  })

  it('a value that is not JSON', () => {
    const file = editable()
    record(file.journey.stages[0]).name = new Date(0)
    expect(issuesOf(file)).toEqual([{ path: 'stages[0].name', message: 'is not a JSON value' }])
  })

  it('nesting deeper than the limit', () => {
    let deep: unknown = 'bottom'
    for (let i = 0; i < LIMITS.depth + 5; i++) deep = [deep]
    const file = { ...editable(), extra: deep }
    const [issue] = issuesOf(file)
    expect(issue?.message).toBe(`is nested deeper than ${LIMITS.depth} levels`)
    expect(issue?.path).toMatch(/^extra(\[0\])+$/)
  })

  it('an id that is malformed or a reserved name', () => {
    const file = editable()
    record(file.journey.personas[0]).id = 'constructor'
    record(file.journey.personas[1]).id = 'pe 1'
    const message = 'may contain only letters, digits, "_" and "-", and must not be a reserved name'
    expect(issuesOf(file)).toEqual([
      { path: 'personas[0].id', message },
      { path: 'personas[1].id', message },
    ])
  })

  it('a malformed date', () => {
    expect(issuesOf({ ...editable(), exportedAt: 'yesterday' })).toEqual([
      { path: 'exportedAt', message: 'must be an ISO 8601 date-time' },
    ])
  })

  it('a missing field', () => {
    const file = editable()
    delete record(file.journey.touchpoints[3]).stageId
    expect(issuesOf(file)).toEqual([{ path: 'touchpoints[3].stageId', message: 'is required' }])
  })

  it('a field of the wrong type', () => {
    const file = editable()
    record(file.journey.touchpoints[0]).title = 42
    expect(issuesOf(file)).toEqual([{ path: 'touchpoints[0].title', message: 'must be a string' }])
  })

  it('an unknown field', () => {
    const file = editable()
    record(file.journey.connections[0]).colour = 'red'
    expect(issuesOf(file)).toEqual([
      { path: 'connections[0].colour', message: 'is not a known field' },
    ])
  })

  it('a value outside an enumeration', () => {
    const file = editable()
    record(file.journey.connections[1]).kind = 'teleport'
    expect(issuesOf(file)).toEqual([
      {
        path: 'connections[1].kind',
        message: 'must be one of "next", "nurture", "handoff", "escalation"',
      },
    ])
  })

  it('a string over the length limit', () => {
    const file = editable()
    record(file.journey).goal = 'x'.repeat(LIMITS.stringLength + 1)
    expect(issuesOf(file)).toEqual([
      { path: 'goal', message: `must be at most ${LIMITS.stringLength} characters` },
    ])
  })

  it('more entities than the limit', () => {
    const file = validFile()
    const [first] = file.journey.touchpoints
    if (!first) throw new Error('fixture')
    const many = Array.from({ length: LIMITS.touchpoints + 1 }, (_, i) => ({
      ...first,
      id: `tp_${i}`,
    }))
    const tooMany = { ...file, journey: { ...file.journey, touchpoints: many } }
    expect(issuesOf(tooMany)).toEqual([
      { path: 'touchpoints', message: `must have at most ${LIMITS.touchpoints} items` },
    ])
  })

  it('an emotion outside -3..+3 or not whole', () => {
    const file = editable()
    const tp = record(file.journey.touchpoints[0])
    const [personaId] = tp.personaIds as string[]
    tp.emotions = { [personaId ?? '']: 4 }
    record(file.journey.touchpoints[1]).emotions = {
      [(record(file.journey.touchpoints[1]).personaIds as string[])[0] ?? '']: 1.5,
    }
    const issues = issuesOf(file)
    expect(issues).toContainEqual({
      path: `touchpoints[0].emotions.${personaId}`,
      message: 'must be at most 3',
    })
    expect(issues.find((i) => i.path.startsWith('touchpoints[1].emotions'))?.message).toBe(
      'must be a whole number',
    )
  })

  it('a link that is not http(s)', () => {
    const file = editable()
    record(file.journey.touchpoints[0]).evidence = [{ label: 'x', url: 'javascript:alert(1)' }]
    expect(issuesOf(file)).toEqual([
      { path: 'touchpoints[0].evidence[0].url', message: 'must be empty or an http(s) URL' },
    ])
  })

  it('duplicate ids', () => {
    const file = editable()
    record(file.journey.touchpoints[4]).id = record(file.journey.touchpoints[1]).id
    const id = String(record(file.journey.touchpoints[1]).id)
    expect(issuesOf(file)).toContainEqual({
      path: 'touchpoints[4].id',
      message: `duplicate id "${id}" (also touchpoints[1])`,
    })
  })

  it('a touchpoint in a stage that does not exist', () => {
    const file = editable()
    record(file.journey.touchpoints[3]).stageId = 'st_9'
    expect(issuesOf(file)).toEqual([
      { path: 'touchpoints[3].stageId', message: 'no stage with id "st_9"' },
    ])
  })

  it('a touchpoint serving or rating a persona that does not exist', () => {
    const file = editable()
    const tp = record(file.journey.touchpoints[2])
    tp.personaIds = ['pe_gone']
    tp.emotions = { pe_gone: 1 }
    expect(issuesOf(file)).toEqual([
      { path: 'touchpoints[2].personaIds[0]', message: 'no persona with id "pe_gone"' },
      { path: 'touchpoints[2].emotions.pe_gone', message: 'no persona with id "pe_gone"' },
    ])
  })

  it('a connection to a touchpoint that does not exist', () => {
    const file = editable()
    record(file.journey.connections[0]).target = 'tp_nowhere'
    expect(issuesOf(file)).toEqual([
      { path: 'connections[0].target', message: 'no touchpoint with id "tp_nowhere"' },
    ])
  })

  it('a loop back to the same touchpoint that is not a nurture loop', () => {
    const file = editable()
    const connection = record(file.journey.connections[0])
    connection.target = connection.source
    connection.kind = 'next'
    expect(issuesOf(file)).toEqual([
      {
        path: 'connections[0].target',
        message: 'only a nurture loop can lead back to the same touchpoint',
      },
    ])
    connection.kind = 'nurture'
    expect(validateJourneyExport(file)).toMatchObject({ ok: true })
  })

  it('reports every problem at once, capped for huge files', () => {
    const file = editable()
    record(file.journey.touchpoints[0]).stageId = 'st_x'
    record(file.journey.touchpoints[1]).stageId = 'st_y'
    expect(issuesOf(file)).toHaveLength(2)
    const broken = validFile()
    broken.journey = { ...broken.journey, ...generateJourney({ touchpoints: 400, seed: 2 }) }
    for (const tp of broken.journey.touchpoints) tp.stageId = 'st_gone'
    const issues = issuesOf(broken)
    expect(issues).toHaveLength(MAX_ISSUES + 1)
    expect(issues.at(-1)).toEqual({ path: '', message: `and ${400 - MAX_ISSUES} more problems` })
  })
})
