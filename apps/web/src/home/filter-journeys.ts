import type { JourneyListItem } from '../api/types.js'

export type JourneySort = 'recent' | 'title'

/** Fold accents and case so "etude" finds "Étude". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
}

/** Journeys whose title contains every word of the query, most recently changed first. */
export function filterJourneys(
  journeys: readonly JourneyListItem[],
  query: string,
  sort: JourneySort = 'recent',
): JourneyListItem[] {
  const words = fold(query).split(/\s+/).filter(Boolean)
  const matches = journeys.filter((journey) => {
    const title = fold(journey.title)
    return words.every((word) => title.includes(word))
  })
  return matches.sort((a, b) =>
    sort === 'title'
      ? a.title.localeCompare(b.title)
      : (b.updatedAt ?? b.createdAt ?? 0) - (a.updatedAt ?? a.createdAt ?? 0),
  )
}
