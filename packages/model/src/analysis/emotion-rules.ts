import type { Journey } from '../entities/journey.js'
import { type Finding, finding } from './finding.js'
import type { JourneyIndex } from './journey-index.js'

/** The fall (in points) after a rise that makes "delight then drop". */
export const EMOTIONAL_DROP_POINTS = 3

/** Where a persona's curve last was; updated in place as the walk goes on. */
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
export function emotionalDrops(journey: Journey, index: JourneyIndex): Finding[] {
  const names = new Map(journey.personas.map((p) => [p.id, p.name]))
  const tracks = new Map<string, Track>()
  const findings: Finding[] = []
  for (const tp of index.ordered) {
    const { emotions } = tp
    for (const personaId of Object.keys(emotions)) {
      const value = emotions[personaId] ?? 0
      const last = tracks.get(personaId)
      if (!last) {
        tracks.set(personaId, { value, touchpointId: tp.id, title: tp.title, rose: false })
        continue
      }
      if (last.rose && last.value - value >= EMOTIONAL_DROP_POINTS) {
        findings.push(
          finding(
            'emotional-drop',
            `"${names.get(personaId)}" goes from ${signed(last.value)} at "${last.title}" to ${signed(value)} at "${tp.title}"`,
            [tp.id, last.touchpointId, personaId],
          ),
        )
      }
      last.rose = value > last.value
      last.value = value
      last.touchpointId = tp.id
      last.title = tp.title
    }
  }
  return findings
}
