import type { Journey } from '../entities/journey.js'
import type { Touchpoint } from '../entities/touchpoint.js'
import { type Finding, finding, type HealthRuleId } from './finding.js'
import { listNames, touchpointsInOrder } from './journey-order.js'

function grouped(rule: HealthRuleId, what: string, list: Touchpoint[]): Finding[] {
  if (list.length === 0) return []
  const subject = list.length === 1 ? '1 touchpoint has' : `${list.length} touchpoints have`
  return [
    finding(
      rule,
      `${subject} ${what}: ${listNames(list.map((tp) => tp.title))}`,
      list.map((tp) => tp.id),
    ),
  ]
}

/** One finding for all touchpoints without an owner, one for all without KPIs, in reading order. */
export function ownershipFindings(journey: Journey): Finding[] {
  const ordered = touchpointsInOrder(journey)
  return [
    ...grouped(
      'missing-owner',
      'no owner',
      ordered.filter((tp) => tp.owner.trim() === ''),
    ),
    ...grouped(
      'missing-kpis',
      'no KPIs',
      ordered.filter((tp) => tp.kpis.length === 0),
    ),
  ]
}
