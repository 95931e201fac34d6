import { describe, expect, it } from 'vitest'
import type { JourneyListItem } from '../api/types.js'
import { filterJourneys } from './filter-journeys.js'

const counts = { personas: 0, stages: 0, touchpoints: 0, connections: 0 }
const journey = (id: string, title: string, updatedAt: number | null): JourneyListItem => ({
  id,
  title,
  counts,
  updatedAt,
  createdAt: null,
})

const list = [
  journey('a', 'Webinar nurture', 10),
  journey('b', 'Étude de cas: onboarding', 30),
  journey('c', 'Enterprise onboarding', 20),
  journey('d', 'Imported', null),
]

describe('filterJourneys', () => {
  it('lists everything, most recent first, for an empty query', () => {
    expect(filterJourneys(list, '  ').map((j) => j.id)).toEqual(['b', 'c', 'a', 'd'])
  })

  it('matches every word, ignoring case and accents', () => {
    expect(filterJourneys(list, 'ONBOARDING').map((j) => j.id)).toEqual(['b', 'c'])
    expect(filterJourneys(list, 'etude onboard').map((j) => j.id)).toEqual(['b'])
    expect(filterJourneys(list, 'nothing like this')).toEqual([])
  })

  it('sorts by title on request', () => {
    expect(filterJourneys(list, '', 'title').map((j) => j.id)).toEqual(['c', 'b', 'd', 'a'])
  })
})
