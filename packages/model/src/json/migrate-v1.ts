import type { ItemList } from '../entities/item.js'
import { commentFromV1, sessionFromV1Votes, voteFromV1 } from '../review/legacy-review.js'

type Fields = Record<string, unknown>

const isFields = (v: unknown): v is Fields =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function itemWithPriority(item: unknown): unknown {
  return isFields(item) && item.priority === undefined ? { ...item, priority: null } : item
}

const itemsWithPriority = (list: unknown): unknown =>
  Array.isArray(list) ? list.map(itemWithPriority) : list

function touchpointV2(tp: unknown): unknown {
  if (!isFields(tp)) return tp
  return {
    ...tp,
    painPoints: itemsWithPriority(tp.painPoints),
    opportunities: itemsWithPriority(tp.opportunities),
    priority: tp.priority === undefined ? null : tp.priority,
  }
}

/** Which list holds an item, from the file's own touchpoints (unchecked as they are). */
function listsOf(touchpoints: unknown): (touchpointId: string, itemId: string) => ItemList {
  const opportunities = new Set<string>()
  if (Array.isArray(touchpoints)) {
    for (const tp of touchpoints) {
      if (!isFields(tp) || !Array.isArray(tp.opportunities)) continue
      for (const item of tp.opportunities) {
        if (isFields(item)) opportunities.add(`${String(tp.id)}/${String(item.id)}`)
      }
    }
  }
  return (touchpointId, itemId) =>
    opportunities.has(`${touchpointId}/${itemId}`) ? 'opportunities' : 'painPoints'
}

/**
 * Format version 1 -> 2: comments get a participant for their author (`legacy-<slug>`),
 * `mentions: []`, `editedAt: null` and `resolvedBy: null`; the votes become one revealed
 * session "Earlier votes" with its results; touchpoints and items get `priority: null`.
 * Pure, and tolerant: a part that is not what version 1 wrote passes through for the
 * schema to report.
 */
export function migrateV1(file: Fields): Fields {
  const { journey } = file
  if (!isFields(journey)) return file
  const { comments, votes, ...content } = journey
  const touchpoints = Array.isArray(content.touchpoints)
    ? content.touchpoints.map(touchpointV2)
    : content.touchpoints
  const listOf = listsOf(content.touchpoints)
  const session = Array.isArray(votes)
    ? sessionFromV1Votes(votes.map((vote: unknown) => voteFromV1(vote, listOf)))
    : undefined
  return {
    ...file,
    journey: {
      ...content,
      schemaVersion: content.schemaVersion === 1 ? 2 : content.schemaVersion,
      touchpoints,
      comments: Array.isArray(comments) ? comments.map(commentFromV1) : comments,
      voteSessions: session ? [session] : Array.isArray(votes) || votes === undefined ? [] : votes,
    },
  }
}
