import type * as Y from 'yjs'
import { entityMap } from '../doc/layout.js'
import type { CommentAnchor } from '../entities/comment.js'
import type { ItemList } from '../entities/item.js'
import type { Journey } from '../entities/journey.js'
import type { VoteItemRef } from '../entities/vote-session.js'

/** What the review rules need to know about the journey: does a target exist. */
export interface JourneyLookup {
  hasTouchpoint(id: string): boolean
  hasStage(id: string): boolean
  hasItem(touchpointId: string, list: ItemList, itemId: string): boolean
}

function hasItemWithId(items: unknown, itemId: string): boolean {
  if (!Array.isArray(items)) return false
  return items.some(
    (item: unknown) =>
      typeof item === 'object' && item !== null && (item as { id?: unknown }).id === itemId,
  )
}

/**
 * Lookups on the live journey Y.Doc, so a comment or a vote costs a few map reads
 * whatever the journey's size (an item lookup scans one card's list, at most
 * `LIMITS.listItems` entries). Nothing is copied.
 */
export function journeyLookup(journeyDoc: Y.Doc): JourneyLookup {
  return {
    hasTouchpoint: (id) => entityMap(journeyDoc, 'touchpoints', id) !== undefined,
    hasStage: (id) => entityMap(journeyDoc, 'stages', id) !== undefined,
    hasItem: (touchpointId, list, itemId) => {
      const items: unknown = entityMap(journeyDoc, 'touchpoints', touchpointId)?.get(list)
      return hasItemWithId(items, itemId)
    },
  }
}

/** The same lookups on a plain Journey (a file being checked or exported). */
export function plainJourneyLookup(journey: Journey): JourneyLookup {
  const stages = new Set(journey.stages.map((s) => s.id))
  const items = new Map<string, Record<ItemList, Set<string>>>()
  for (const tp of journey.touchpoints) {
    if (items.has(tp.id)) continue
    items.set(tp.id, {
      painPoints: new Set(tp.painPoints.map((i) => i.id)),
      opportunities: new Set(tp.opportunities.map((i) => i.id)),
    })
  }
  return {
    hasTouchpoint: (id) => items.has(id),
    hasStage: (id) => stages.has(id),
    hasItem: (touchpointId, list, itemId) => items.get(touchpointId)?.[list].has(itemId) ?? false,
  }
}

/** What is missing, as a field of the reference and a sentence, or undefined. */
export type MissingTarget = { field: string; message: string }

const ITEM_NOUN: Record<ItemList, string> = {
  painPoints: 'pain point',
  opportunities: 'opportunity',
}

export function missingItem(journey: JourneyLookup, ref: VoteItemRef): MissingTarget | undefined {
  const { touchpointId } = ref
  if (!journey.hasTouchpoint(touchpointId)) {
    return { field: 'touchpointId', message: `no touchpoint with id "${touchpointId}"` }
  }
  if (ref.itemId === null || journey.hasItem(touchpointId, ref.list, ref.itemId)) return undefined
  return {
    field: 'itemId',
    message: `touchpoint "${touchpointId}" has no ${ITEM_NOUN[ref.list]} with id "${ref.itemId}"`,
  }
}

export function missingAnchorTarget(
  journey: JourneyLookup,
  anchor: CommentAnchor,
): MissingTarget | undefined {
  switch (anchor.type) {
    case 'canvas':
      return undefined
    case 'stage':
      return journey.hasStage(anchor.id)
        ? undefined
        : { field: 'id', message: `no stage with id "${anchor.id}"` }
    case 'touchpoint':
      return journey.hasTouchpoint(anchor.id)
        ? undefined
        : { field: 'id', message: `no touchpoint with id "${anchor.id}"` }
    case 'item':
      return missingItem(journey, anchor)
  }
}
