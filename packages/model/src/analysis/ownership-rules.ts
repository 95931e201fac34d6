import type { Touchpoint } from '../entities/touchpoint.js'
import { type Finding, finding, type HealthRuleId } from './finding.js'
import type { JourneyIndex } from './journey-index.js'
import { listNames } from './journey-order.js'

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
export function ownershipFindings(index: JourneyIndex): Finding[] {
  const withoutOwner: Touchpoint[] = []
  const withoutKpis: Touchpoint[] = []
  for (const tp of index.ordered) {
    if (tp.owner.trim() === '') withoutOwner.push(tp)
    if (tp.kpis.length === 0) withoutKpis.push(tp)
  }
  return [
    ...grouped('missing-owner', 'no owner', withoutOwner),
    ...grouped('missing-kpis', 'no KPIs', withoutKpis),
  ]
}
