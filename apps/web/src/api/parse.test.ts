import { describe, expect, it } from 'vitest'
import { parseCreated, parseJourneyList, parseTemplates } from './parse.js'

describe('parseJourneyList', () => {
  it('reads the server’s rows, with ISO or numeric times', () => {
    const rows = parseJourneyList([
      {
        id: 'a',
        title: 'Trial to paid',
        counts: { personas: 2, stages: 7, touchpoints: 12, connections: 9 },
        createdAt: '2026-11-24T10:00:00.000Z',
        updatedAt: 1_795_000_000_000,
      },
    ])
    expect(rows).toEqual([
      {
        id: 'a',
        title: 'Trial to paid',
        counts: { personas: 2, stages: 7, touchpoints: 12, connections: 9 },
        createdAt: Date.parse('2026-11-24T10:00:00.000Z'),
        updatedAt: 1_795_000_000_000,
      },
    ])
  })

  it('fills what is missing instead of failing the whole page', () => {
    const [row] = parseJourneyList({ journeys: [{ id: 'b', title: '  ', updatedAt: 'never' }, 7] })
    expect(row).toEqual({
      id: 'b',
      title: 'Untitled journey',
      counts: { personas: 0, stages: 0, touchpoints: 0, connections: 0 },
      createdAt: null,
      updatedAt: null,
    })
  })

  it('refuses a body that is not a list', () => {
    expect(() => parseJourneyList({ error: 'nope' })).toThrow(/unexpected journey list/)
  })
})

describe('parseTemplates and parseCreated', () => {
  it('reads templates and the new id', () => {
    expect(parseTemplates([{ id: 't', name: 'T', description: 'D' }, { id: 'u' }])).toEqual([
      { id: 't', name: 'T', description: 'D' },
      { id: 'u', name: 'u', description: '' },
    ])
    expect(parseCreated({ id: 'new_1' })).toBe('new_1')
    expect(() => parseCreated({})).toThrow()
  })
})
