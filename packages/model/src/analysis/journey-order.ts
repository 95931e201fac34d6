import type { Journey } from '../entities/journey.js'
import type { Touchpoint } from '../entities/touchpoint.js'

const byPosition = (a: Touchpoint, b: Touchpoint) =>
  a.position.x - b.position.x ||
  a.position.y - b.position.y ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * Touchpoints in reading order: by stage, then left to right, then top to bottom (the
 * order a facilitator walks the canvas), ties broken by id so the order is stable.
 * Touchpoints of an unknown stage read with the first stage.
 */
export function touchpointsInOrder(journey: Journey): Touchpoint[] {
  // Bucketing by stage first keeps the comparison sort to one stage's cards at a time and
  // out of map lookups, which matters on every change of a large journey.
  const rank = new Map<string, number>()
  journey.stages.forEach((s, i) => {
    rank.set(s.id, i)
  })
  const buckets: Touchpoint[][] = journey.stages.length > 0 ? journey.stages.map(() => []) : [[]]
  for (const tp of journey.touchpoints) buckets[rank.get(tp.stageId) ?? 0]?.push(tp)
  const ordered: Touchpoint[] = []
  for (const bucket of buckets) {
    bucket.sort(byPosition)
    for (const tp of bucket) ordered.push(tp)
  }
  return ordered
}

/** A touchpoint's emotion for one persona, or the mean over its rated personas. */
export function emotionOf(tp: Touchpoint, personaId?: string): number | null {
  const { emotions } = tp
  if (personaId !== undefined) {
    // Own keys only: a persona id such as "toString" must not read Object.prototype.
    return Object.hasOwn(emotions, personaId) ? (emotions[personaId] ?? null) : null
  }
  let sum = 0
  let count = 0
  for (const key of Object.keys(emotions)) {
    sum += emotions[key] ?? 0
    count++
  }
  return count === 0 ? null : sum / count
}

/** "A", "A and B", "A, B and C", "A, B, C and 4 more". */
export function listNames(names: readonly string[], max = 3): string {
  const quote = (name: string) => `"${name}"`
  if (names.length <= 1) return names.map(quote).join('')
  if (names.length <= max) {
    return `${names.slice(0, -1).map(quote).join(', ')} and ${quote(names.at(-1) ?? '')}`
  }
  return `${names.slice(0, max).map(quote).join(', ')} and ${names.length - max} more`
}
