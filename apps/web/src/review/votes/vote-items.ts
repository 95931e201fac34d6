import { type CommentAnchor, type Journey, LIMITS, type VoteItemRef } from '@touchline/model'

/** What a session asks about, as the facilitator picks it. */
export type ItemChoice =
  | { kind: 'stages'; stageIds: readonly string[] }
  | { kind: 'painPoints' }
  | { kind: 'opportunities' }
  | { kind: 'selection'; touchpointIds: readonly string[] }

/**
 * The items of a session, in the order of the map (stage by stage, as the journey lists its
 * cards), without duplicates: every card of the chosen stages, every pain point or
 * opportunity, or the selected cards.
 */
export function sessionItems(
  choice: ItemChoice,
  journey: Pick<Journey, 'stages' | 'touchpoints'>,
): VoteItemRef[] {
  const stageOrder = new Map(journey.stages.map((stage, index) => [stage.id, index]))
  const cards = [...journey.touchpoints].sort(
    (a, b) => (stageOrder.get(a.stageId) ?? 0) - (stageOrder.get(b.stageId) ?? 0),
  )
  switch (choice.kind) {
    case 'stages': {
      const chosen = new Set(choice.stageIds)
      return cards
        .filter((card) => chosen.has(card.stageId))
        .map((card) => ({ touchpointId: card.id, itemId: null, list: null }))
    }
    case 'selection': {
      const chosen = new Set(choice.touchpointIds)
      return cards
        .filter((card) => chosen.has(card.id))
        .map((card) => ({ touchpointId: card.id, itemId: null, list: null }))
    }
    case 'painPoints':
    case 'opportunities': {
      const list = choice.kind
      return cards.flatMap((card) =>
        card[list].map((item) => ({ touchpointId: card.id, itemId: item.id, list })),
      )
    }
  }
}

/** Why a set of items cannot be voted on, or null when it can. */
export function itemsProblem(items: readonly VoteItemRef[]): string | null {
  if (items.length === 0) return 'There is nothing to vote on in this choice.'
  if (items.length > LIMITS.voteItems) {
    return `A session can ask about at most ${LIMITS.voteItems.toLocaleString('en')} items; this is ${items.length.toLocaleString('en')}.`
  }
  return null
}

/** The place a vote item is on the map, as a comment would point at it (to name or frame it). */
export function itemAnchor(item: VoteItemRef): CommentAnchor {
  return item.itemId === null
    ? { type: 'touchpoint', id: item.touchpointId }
    : { type: 'item', touchpointId: item.touchpointId, itemId: item.itemId, list: item.list }
}
