import type { VoteResult } from '@touchline/model'

/** How many shades the heat has: few enough to tell apart at a glance across a wall of cards. */
export const HEAT_STEPS = 5

/**
 * A shade from 1 (a vote or two) to HEAT_STEPS (the most voted), or 0 for none. Relative to
 * the most-voted item, so a small session and a large one both use the whole scale.
 */
export function heatStep(votes: number, most: number): number {
  if (votes <= 0 || most <= 0) return 0
  return Math.max(1, Math.min(HEAT_STEPS, Math.ceil((votes / most) * HEAT_STEPS)))
}

/** What a card shows after a reveal: its shade, its votes and its best rank. */
export interface CardHeat {
  step: number
  votes: number
  rank: number
}

/**
 * The heat of each card from a session's results. A card's votes are its own, or those of its
 * pain points or opportunities added up when the session was about them; its rank is the best
 * of its items'. Cards the session did not ask about have none.
 */
export function heatByTouchpoint(results: readonly VoteResult[]): ReadonlyMap<string, CardHeat> {
  const totals = new Map<string, { votes: number; rank: number }>()
  for (const result of results) {
    const id = result.item.touchpointId
    const seen = totals.get(id)
    totals.set(id, {
      votes: (seen?.votes ?? 0) + result.votes,
      rank: Math.min(seen?.rank ?? result.rank, result.rank),
    })
  }
  let most = 0
  for (const total of totals.values()) most = Math.max(most, total.votes)
  const heat = new Map<string, CardHeat>()
  for (const [id, total] of totals) heat.set(id, { ...total, step: heatStep(total.votes, most) })
  return heat
}
