import { LIMITS } from '../constants.js'
import type { ItemList } from '../entities/item.js'
import type { Participant } from '../entities/participant.js'
import {
  type Vote,
  type VoteItemRef,
  type VoteSession,
  voteItemKey,
} from '../entities/vote-session.js'
import { validVote } from './read-review.js'
import { tallyVotes, voteOrder } from './tally-votes.js'

/**
 * Version 1 kept comments and votes in the journey, their authors and voters as bare
 * names. These turn such records into the version 2 shape, the same way for a version 1
 * file (`JSON_MIGRATIONS[1]`) and a version 1 doc (`seedReviewFromLegacy`). Records are
 * converted as they are, unchecked: whatever is wrong in one stays wrong, for the schema
 * to report at its path.
 */

export const LEGACY_COLOR = '#475569'

/** The session that holds a version 1 journey's votes. */
export const LEGACY_SESSION_ID = 'vs_legacy'
export const LEGACY_SESSION_TITLE = 'Earlier votes'

/** Who "started" the earlier votes: no one did, and `legacy` is no `legacy-<slug>`. */
const LEGACY_CREATOR: Participant = { id: 'legacy', name: 'Touchline', color: LEGACY_COLOR }

const SLUG_LENGTH = 48

/** FNV-1a, for names with nothing left to slug (say, written in another script). */
function hash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(36)
}

/**
 * The participant a version 1 name becomes: `legacy-<slug>`, the same for the same name
 * everywhere (in every file and doc, on every instance), and never an id the server issues.
 */
export function legacyParticipant(name: string): Participant {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, SLUG_LENGTH)
    .replace(/-+$/, '')
  const shown = Array.from(name).slice(0, LIMITS.participantName).join('')
  return { id: `legacy-${slug || `u${hash(name)}`}`, name: shown, color: LEGACY_COLOR }
}

type Fields = Record<string, unknown>

const isFields = (v: unknown): v is Fields =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** A version 1 comment record in the version 2 shape. */
export function commentFromV1(v: unknown): unknown {
  if (!isFields(v)) return v
  const { author } = v
  return {
    ...v,
    author: typeof author === 'string' ? legacyParticipant(author) : author,
    mentions: [],
    editedAt: null,
    resolvedBy: null,
  }
}

/** Which list of a touchpoint holds an item, for version 1 votes that did not say. */
export type ItemListOf = (touchpointId: string, itemId: string) => ItemList

/** A version 1 vote record (`voter`, `touchpointId`, `itemId`) in the version 2 shape. */
export function voteFromV1(v: unknown, listOf: ItemListOf): unknown {
  if (!isFields(v)) return v
  const { voter, touchpointId, itemId, ...rest } = v
  const list =
    typeof touchpointId === 'string' && typeof itemId === 'string'
      ? listOf(touchpointId, itemId)
      : null
  return {
    ...rest,
    sessionId: LEGACY_SESSION_ID,
    voter: typeof voter === 'string' ? legacyParticipant(voter) : voter,
    item: { touchpointId, itemId, list },
  }
}

const EPOCH = new Date(0).toISOString()

/**
 * Version 1 votes (already converted by `voteFromV1`) as one revealed session, "Earlier
 * votes", with its results, or undefined when there are none. Version 1 had no budget
 * and allowed several dots on one thing: the session allows several per item, and its
 * budget is the most any one person cast (at most `LIMITS.votesPerPerson`; dots beyond it
 * do not count). Items are listed in the order of their first vote.
 */
export function sessionFromV1Votes(
  votes: readonly unknown[],
): (VoteSession & { votes: unknown[] }) | undefined {
  if (votes.length === 0) return undefined
  const valid = votes.flatMap((v) => validVote(v) ?? [])
  const items = new Map<string, VoteItemRef>()
  const perVoter = new Map<string, number>()
  for (const vote of valid) {
    const key = voteItemKey(vote.item)
    if (!items.has(key)) items.set(key, vote.item)
    perVoter.set(vote.voter.id, (perVoter.get(vote.voter.id) ?? 0) + 1)
  }
  const most = Math.max(1, ...perVoter.values())
  const byTime: Vote[] = [...valid].sort(voteOrder)
  const session: VoteSession = {
    id: LEGACY_SESSION_ID,
    status: 'revealed',
    title: LEGACY_SESSION_TITLE,
    items: [...items.values()],
    votesPerPerson: Math.min(most, LIMITS.votesPerPerson),
    allowMultiplePerItem: true,
    hidden: false,
    endsAt: null,
    createdBy: LEGACY_CREATOR,
    createdAt: byTime[0]?.createdAt ?? EPOCH,
    revealedAt: byTime.at(-1)?.createdAt ?? EPOCH,
    results: null,
  }
  return { ...session, results: tallyVotes(session, valid), votes: [...votes] }
}
