import type { Journey } from '../entities/journey.js'
import { type Finding, finding } from './finding.js'
import { touchpointsInOrder } from './journey-order.js'

/** The fall (in points) after a rise that makes "delight then drop". */
export const EMOTIONAL_DROP_POINTS = 3

interface Track {
  value: number
  touchpointId: string
  title: string
  rose: boolean
}

const signed = (v: number) => (v > 0 ? `+${v}` : `${v}`)

/**
 * Per persona, along the reading order of the touchpoints it rated: a rise followed at the
 * next touchpoint by a fall of 3 or more points (an upgrade given, then taken away).
 */
export function emotionalDrops(journey: Journey): Finding[] {
  const names = new Map(journey.personas.map((p) => [p.id, p.name]))
  const tracks = new Map<string, Track>()
  const findings: Finding[] = []
  for (const tp of touchpointsInOrder(journey)) {
    for (const [personaId, value] of Object.entries(tp.emotions)) {
      const last = tracks.get(personaId)
      if (last?.rose && last.value - value >= EMOTIONAL_DROP_POINTS) {
        findings.push(
          finding(
            'emotional-drop',
            `"${names.get(personaId)}" goes from ${signed(last.value)} at "${last.title}" to ${signed(value)} at "${tp.title}"`,
            [tp.id, last.touchpointId, personaId],
          ),
        )
      }
      tracks.set(personaId, {
        value,
        touchpointId: tp.id,
        title: tp.title,
        rose: last !== undefined && value > last.value,
      })
    }
  }
  return findings
}
