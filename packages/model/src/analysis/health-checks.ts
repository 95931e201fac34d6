import type { Journey } from '../entities/journey.js'
import { coverageFindings, stagesWithoutContent } from './coverage-rules.js'
import { emotionalDrops } from './emotion-rules.js'
import type { Finding } from './finding.js'
import {
  deadEnds,
  missingContinualEngagement,
  nurtureWithoutExit,
  stopsAtPurchase,
} from './flow-rules.js'
import { indexJourney } from './journey-index.js'
import { ownershipFindings } from './ownership-rules.js'

/**
 * Journey health: every rule of HEALTH_RULES, most severe first (rules keep their order
 * within a severity). Linear in the size of the journey apart from one sort into reading
 * order. An empty journey (no touchpoints yet) has no findings: there is nothing to review
 * before the first card.
 */
export function healthChecks(journey: Journey): Finding[] {
  if (journey.touchpoints.length === 0) return []
  const index = indexJourney(journey)
  const all = [
    deadEnds(index),
    missingContinualEngagement(journey, index),
    emotionalDrops(journey, index),
    stopsAtPurchase(journey),
    stagesWithoutContent(journey),
    coverageFindings(journey),
    ownershipFindings(index),
    nurtureWithoutExit(journey),
  ]
  const errors: Finding[] = []
  const warnings: Finding[] = []
  const infos: Finding[] = []
  for (const findings of all) {
    for (const f of findings) {
      if (f.severity === 'error') errors.push(f)
      else if (f.severity === 'warning') warnings.push(f)
      else infos.push(f)
    }
  }
  return [...errors, ...warnings, ...infos]
}
