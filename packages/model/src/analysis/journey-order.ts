import type { Journey } from '../entities/journey.js'
import type { Touchpoint } from '../entities/touchpoint.js'

/**
 * Touchpoints in reading order: by stage, then left to right, then top to bottom (the
 * order a facilitator walks the canvas), ties broken by id so the order is stable.
 */
export function touchpointsInOrder(journey: Journey): Touchpoint[] {
  const stageRank = new Map(journey.stages.map((s, i) => [s.id, i]))
  return [...journey.touchpoints].sort(
    (a, b) =>
      (stageRank.get(a.stageId) ?? 0) - (stageRank.get(b.stageId) ?? 0) ||
      a.position.x - b.position.x ||
      a.position.y - b.position.y ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
}

/** A touchpoint's emotion for one persona, or the mean over its rated personas. */
export function emotionOf(tp: Touchpoint, personaId?: string): number | null {
  if (personaId !== undefined) return tp.emotions[personaId] ?? null
  const values = Object.values(tp.emotions)
  if (values.length === 0) return null
  return values.reduce((sum, v) => sum + v, 0) / values.length
}

/** "A", "A and B", "A, B and C", "A, B, C and 4 more". */
export function listNames(names: readonly string[], max = 3): string {
  const quoted = names.map((n) => `"${n}"`)
  if (quoted.length <= 1) return quoted.join('')
  if (quoted.length <= max) return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`
  return `${quoted.slice(0, max).join(', ')} and ${quoted.length - max} more`
}
