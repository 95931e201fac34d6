import type * as Y from 'yjs'
import { ID_PREFIXES, LIMITS } from '../constants.js'
import { createId } from '../create-id.js'
import { entityToYMap } from '../doc/entity-map.js'
import { collectionMap } from '../doc/layout.js'
import { VoteSchema } from '../entities/vote.js'
import { currentEntity, requireCapacity } from './doc-access.js'
import { invalid, parseInput } from './invalid-input-error.js'

export interface VoteInput {
  voter: string
  touchpointId: string
  /** A pain point or opportunity of that touchpoint; omit to vote on the touchpoint. */
  itemId?: string | null
  createdAt?: string
}

/** Casts one workshop dot; a person may put several dots on the same thing. */
export function castVote(doc: Y.Doc, origin: unknown, input: VoteInput): string {
  requireCapacity(doc, 'votes', LIMITS.votes)
  const id = createId(ID_PREFIXES.vote)
  const vote = parseInput(VoteSchema, {
    id,
    voter: input.voter,
    touchpointId: input.touchpointId,
    itemId: input.itemId ?? null,
    createdAt: input.createdAt ?? new Date().toISOString(),
  })
  const tp = currentEntity(doc, 'touchpoints', vote.touchpointId)
  if (!tp) throw invalid('touchpointId', `no touchpoint with id "${vote.touchpointId}"`)
  const { itemId } = vote
  if (itemId !== null && ![...tp.painPoints, ...tp.opportunities].some((i) => i.id === itemId)) {
    throw invalid(
      'itemId',
      `touchpoint "${tp.id}" has no pain point or opportunity with id "${itemId}"`,
    )
  }
  doc.transact(() => {
    collectionMap(doc, 'votes').set(id, entityToYMap(vote))
  }, origin)
  return id
}

export function removeVote(doc: Y.Doc, origin: unknown, id: string): boolean {
  const votes = collectionMap(doc, 'votes')
  if (!votes.has(id)) return false
  doc.transact(() => {
    votes.delete(id)
  }, origin)
  return true
}
