import type { Journey } from '../entities/journey.js'
import { coverageFindings, stagesWithoutContent } from './coverage-rules.js'
import { emotionalDrops } from './emotion-rules.js'
import type { Finding, Severity } from './finding.js'
import {
  deadEnds,
  missingContinualEngagement,
  nurtureWithoutExit,
  stopsAtPurchase,
} from './flow-rules.js'
import { ownershipFindings } from './ownership-rules.js'

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/**
 * Journey health: every rule of HEALTH_RULES, most severe first. Linear in the size of
 * the journey. An empty journey (no touchpoints yet) has no findings: there is nothing to
 * review before the first card.
 */
export function healthChecks(journey: Journey): Finding[] {
  if (journey.touchpoints.length === 0) return []
  const findings = [
    ...deadEnds(journey),
    ...missingContinualEngagement(journey),
    ...emotionalDrops(journey),
    ...stopsAtPurchase(journey),
    ...stagesWithoutContent(journey),
    ...coverageFindings(journey),
    ...ownershipFindings(journey),
    ...nurtureWithoutExit(journey),
  ]
  return findings.sort((a, b) => RANK[a.severity] - RANK[b.severity])
}
