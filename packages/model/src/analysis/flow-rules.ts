import { PURCHASE_STAGE_PATTERN } from '../constants.js'
import type { Journey } from '../entities/journey.js'
import type { Touchpoint } from '../entities/touchpoint.js'
import { type Finding, finding } from './finding.js'
import { listNames, touchpointsInOrder } from './journey-order.js'

/** Touchpoints with no outgoing connection that are not marked as an intended end. */
export function deadEnds(journey: Journey): Finding[] {
  const hasWayForward = new Set(journey.connections.map((c) => c.source))
  return touchpointsInOrder(journey)
    .filter((tp) => !hasWayForward.has(tp.id) && !tp.intendedEnd)
    .map((tp) =>
      finding(
        'dead-end',
        `"${tp.title}" has no way forward; connect it to a next step, or mark it as an intended end`,
        [tp.id],
      ),
    )
}

/** Touchpoints from which some nurture loop is reachable (reverse breadth-first search). */
function reachesNurture(journey: Journey): Set<string> {
  const incoming = new Map<string, string[]>()
  for (const c of journey.connections) {
    const list = incoming.get(c.target)
    if (list) list.push(c.source)
    else incoming.set(c.target, [c.source])
  }
  const reached = new Set<string>()
  const queue: string[] = []
  for (const c of journey.connections) {
    if (c.kind === 'nurture' && !reached.has(c.source)) {
      reached.add(c.source)
      queue.push(c.source)
    }
  }
  for (let i = 0; i < queue.length; i++) {
    for (const source of incoming.get(queue[i] ?? '') ?? []) {
      if (!reached.has(source)) {
        reached.add(source)
        queue.push(source)
      }
    }
  }
  return reached
}

/** Per campaign tag, the touchpoints that lead to no other touchpoint of that campaign. */
function lastCampaignSteps(journey: Journey): Touchpoint[] {
  const tagOf = new Map(journey.touchpoints.map((tp) => [tp.id, tp.campaignTag.trim()]))
  const continues = new Set<string>()
  for (const c of journey.connections) {
    const tag = tagOf.get(c.source)
    if (tag && c.source !== c.target && tagOf.get(c.target) === tag) continues.add(c.source)
  }
  return journey.touchpoints.filter((tp) => tp.campaignTag.trim() !== '' && !continues.has(tp.id))
}

/**
 * After a conversion or the last step of a campaign, the buyer must be able to reach a
 * nurture loop; most buyers are not ready when the campaign ends.
 */
export function missingContinualEngagement(journey: Journey): Finding[] {
  const candidates = new Map<string, { tp: Touchpoint; why: string }>()
  for (const tp of lastCampaignSteps(journey)) {
    candidates.set(tp.id, { tp, why: `the last step of campaign "${tp.campaignTag.trim()}"` })
  }
  for (const tp of journey.touchpoints)
    if (tp.conversion) candidates.set(tp.id, { tp, why: 'a conversion' })
  if (candidates.size === 0) return []
  if (!journey.connections.some((c) => c.kind === 'nurture')) {
    const titles = [...candidates.values()].map((c) => c.tp.title)
    return [
      finding(
        'no-continual-engagement',
        `The journey has no nurture loop: nothing keeps buyers engaged after ${listNames(titles)}`,
        [...candidates.keys()],
      ),
    ]
  }
  const reached = reachesNurture(journey)
  return [...candidates.values()]
    .filter(({ tp }) => !reached.has(tp.id))
    .map(({ tp, why }) =>
      finding(
        'no-continual-engagement',
        `"${tp.title}" is ${why}, but no nurture loop follows it`,
        [tp.id],
      ),
    )
}

/** A journey whose purchase stage is its last stage with touchpoints. */
export function stopsAtPurchase(journey: Journey): Finding[] {
  const index = journey.stages.findIndex((s) => PURCHASE_STAGE_PATTERN.test(s.name))
  const purchase = journey.stages[index]
  if (!purchase) return []
  const after = new Set(journey.stages.slice(index + 1).map((s) => s.id))
  if (journey.touchpoints.some((tp) => after.has(tp.stageId))) return []
  return [
    finding(
      'stops-at-purchase',
      `The journey stops at "${purchase.name}": nothing helps the customer onboard, adopt, renew or advocate`,
      [purchase.id],
    ),
  ]
}

/** Nurture loops must say how often they touch the buyer and what takes the buyer out. */
export function nurtureWithoutExit(journey: Journey): Finding[] {
  const title = new Map(journey.touchpoints.map((tp) => [tp.id, tp.title]))
  return journey.connections
    .filter((c) => c.kind === 'nurture' && (!c.cadence.trim() || !c.exitCriteria.trim()))
    .map((c) => {
      const missing = [!c.cadence.trim() && 'cadence', !c.exitCriteria.trim() && 'exit criteria']
        .filter(Boolean)
        .join(' or ')
      return finding(
        'nurture-without-exit',
        `The nurture loop from "${title.get(c.source)}" has no ${missing}`,
        [c.id],
      )
    })
}
