import type * as Y from 'yjs'
import { LIMITS } from '../constants.js'
import { sameJson } from '../doc/entity-map.js'
import { entityMap } from '../doc/layout.js'
import { IdSchema, listOf } from '../entities/fields.js'
import { ITEM_LISTS, type ItemList } from '../entities/item.js'
import type { Priority } from '../entities/priority.js'
import { type VoteResult, VoteResultSchema } from '../entities/vote-session.js'
import { parseReviewInput } from './review-rule-error.js'

const ResultsSchema = listOf(VoteResultSchema, LIMITS.voteItems)

type CardPriorities = { own?: Priority } & Partial<Record<ItemList, Map<string, Priority>>>

/** `items` with the priorities of `byId` written in, or undefined when nothing changes. */
function withPriorities(
  items: unknown,
  byId: ReadonlyMap<string, Priority>,
): unknown[] | undefined {
  if (!Array.isArray(items)) return undefined
  let changed = false
  const next = items.map((item: unknown) => {
    if (typeof item !== 'object' || item === null) return item
    const priority = byId.get((item as { id?: unknown }).id as string)
    if (!priority || sameJson((item as { priority?: unknown }).priority, priority)) return item
    changed = true
    return { ...item, priority }
  })
  return changed ? next : undefined
}

/**
 * Writes a revealed session's results into the journey doc, in one transaction: each
 * touchpoint and item of the session gets `priority` `{ sessionId, rank, votes }`, 0-vote
 * items too, replacing an earlier session's. Items and touchpoints deleted since the vote
 * are skipped. Costs a lookup per result, never a read of the whole journey.
 */
export function applyVotePriorities(
  journeyDoc: Y.Doc,
  origin: unknown,
  sessionId: string,
  results: VoteResult[],
): void {
  const session = parseReviewInput(IdSchema, sessionId, 'sessionId')
  const valid = parseReviewInput(ResultsSchema, results, 'results')
  const cards = new Map<string, CardPriorities>()
  for (const { item, rank, votes } of valid) {
    const card = cards.get(item.touchpointId) ?? {}
    cards.set(item.touchpointId, card)
    const priority = { sessionId: session, rank, votes }
    if (item.list === null) {
      card.own = priority
    } else {
      const list = card[item.list] ?? new Map<string, Priority>()
      card[item.list] = list.set(item.itemId, priority)
    }
  }
  const writes: [Y.Map<unknown>, string, unknown][] = []
  for (const [touchpointId, card] of cards) {
    const map = entityMap(journeyDoc, 'touchpoints', touchpointId)
    if (!map) continue
    if (card.own && !sameJson(map.get('priority'), card.own))
      writes.push([map, 'priority', card.own])
    for (const list of ITEM_LISTS) {
      const byId = card[list]
      const next = byId && withPriorities(map.get(list), byId)
      if (next) writes.push([map, list, next])
    }
  }
  if (writes.length === 0) return
  journeyDoc.transact(() => {
    for (const [map, key, value] of writes) map.set(key, value)
  }, origin)
}
