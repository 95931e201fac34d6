import { PURCHASE_STAGE_PATTERN } from '../constants.js'
import type { Journey } from '../entities/journey.js'
import type { Touchpoint } from '../entities/touchpoint.js'
import { type Finding, finding } from './finding.js'
import type { JourneyIndex } from './journey-index.js'
import { listNames } from './journey-order.js'

/** Touchpoints with no outgoing connection that are not marked as an intended end. */
export function deadEnds(index: JourneyIndex): Finding[] {
  const findings: Finding[] = []
  for (const tp of index.ordered) {
    if (index.sources.has(tp.id) || tp.intendedEnd) continue
    findings.push(
      finding(
        'dead-end',
        `"${tp.title}" has no way forward; connect it to a next step, or mark it as an intended end`,
        [tp.id],
      ),
    )
  }
  return findings
}

/**
 * Touchpoints from which some nurture loop is reachable: a reverse breadth-first search
 * over numbered nodes (touchpoints, plus any id a connection names) in flat arrays, so a
 * large journey costs no per-node allocation.
 */
function reachesNurture(journey: Journey): Set<string> {
  const node = new Map<string, number>()
  const ids: string[] = []
  const number = (id: string) => {
    let n = node.get(id)
    if (n === undefined) {
      n = ids.length
      node.set(id, n)
      ids.push(id)
    }
    return n
  }
  for (const tp of journey.touchpoints) number(tp.id)
  const { connections } = journey
  const sources = new Int32Array(connections.length)
  const targets = new Int32Array(connections.length)
  connections.forEach((c, i) => {
    sources[i] = number(c.source)
    targets[i] = number(c.target)
  })
  // Incoming edges per node, compressed: node n's sources are incoming[start[n]..start[n+1]).
  const start = new Int32Array(ids.length + 1)
  for (const t of targets) start[t + 1] = (start[t + 1] ?? 0) + 1
  for (let n = 0; n < ids.length; n++) start[n + 1] = (start[n + 1] ?? 0) + (start[n] ?? 0)
  const fill = start.slice(0, ids.length)
  const incoming = new Int32Array(connections.length)
  for (let i = 0; i < connections.length; i++) {
    const t = targets[i] ?? 0
    incoming[fill[t] ?? 0] = sources[i] ?? 0
    fill[t] = (fill[t] ?? 0) + 1
  }
  const reached = new Uint8Array(ids.length)
  const queue = new Int32Array(ids.length)
  let size = 0
  connections.forEach((c, i) => {
    const s = sources[i] ?? 0
    if (c.kind === 'nurture' && !reached[s]) {
      reached[s] = 1
      queue[size++] = s
    }
  })
  for (let q = 0; q < size; q++) {
    const n = queue[q] ?? 0
    for (let e = start[n] ?? 0, end = start[n + 1] ?? 0; e < end; e++) {
      const source = incoming[e] ?? 0
      if (!reached[source]) {
        reached[source] = 1
        queue[size++] = source
      }
    }
  }
  const out = new Set<string>()
  for (let q = 0; q < size; q++) out.add(ids[queue[q] ?? 0] ?? '')
  return out
}

/** Per campaign tag, the touchpoints that lead to no other touchpoint of that campaign. */
function lastCampaignSteps(journey: Journey): Touchpoint[] {
  if (!journey.touchpoints.some((tp) => tp.campaignTag.trim() !== '')) return []
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
export function missingContinualEngagement(journey: Journey, index: JourneyIndex): Finding[] {
  const candidates = new Map<string, { tp: Touchpoint; why: string }>()
  for (const tp of lastCampaignSteps(journey)) {
    candidates.set(tp.id, { tp, why: `the last step of campaign "${tp.campaignTag.trim()}"` })
  }
  for (const tp of journey.touchpoints)
    if (tp.conversion) candidates.set(tp.id, { tp, why: 'a conversion' })
  if (candidates.size === 0) return []
  if (!index.hasNurture) {
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
  const findings: Finding[] = []
  for (const { tp, why } of candidates.values()) {
    if (reached.has(tp.id)) continue
    findings.push(
      finding(
        'no-continual-engagement',
        `"${tp.title}" is ${why}, but no nurture loop follows it`,
        [tp.id],
      ),
    )
  }
  return findings
}

/**
 * A journey whose purchase stage is its last stage with touchpoints. A map still being
 * drawn that has not reached the purchase yet does not stop there.
 */
export function stopsAtPurchase(journey: Journey): Finding[] {
  const index = journey.stages.findIndex((s) => PURCHASE_STAGE_PATTERN.test(s.name))
  const purchase = journey.stages[index]
  if (!purchase) return []
  const after = new Set(journey.stages.slice(index + 1).map((s) => s.id))
  if (journey.touchpoints.some((tp) => after.has(tp.stageId))) return []
  if (!journey.touchpoints.some((tp) => tp.stageId === purchase.id)) return []
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
  const incomplete = journey.connections.filter(
    (c) => c.kind === 'nurture' && (!c.cadence.trim() || !c.exitCriteria.trim()),
  )
  if (incomplete.length === 0) return []
  const title = new Map(journey.touchpoints.map((tp) => [tp.id, tp.title]))
  return incomplete.map((c) => {
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
