import type { Journey } from '../entities/journey.js'
import type { Touchpoint } from '../entities/touchpoint.js'
import { touchpointsInOrder } from './journey-order.js'

/**
 * What several health rules look up, built once per `healthChecks` run so no rule sorts
 * or scans the journey again for it.
 */
export interface JourneyIndex {
  /** Touchpoints in reading order. */
  readonly ordered: readonly Touchpoint[]
  /** Ids that are the source of at least one connection. */
  readonly sources: ReadonlySet<string>
  readonly hasNurture: boolean
}

export function indexJourney(journey: Journey): JourneyIndex {
  const sources = new Set<string>()
  let hasNurture = false
  for (const c of journey.connections) {
    sources.add(c.source)
    if (c.kind === 'nurture') hasNurture = true
  }
  return { ordered: touchpointsInOrder(journey), sources, hasNurture }
}
