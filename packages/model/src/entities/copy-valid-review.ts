import { LIMITS } from '../constants.js'
import type { Comment, CommentAnchor } from './comment.js'
import {
  copyList,
  isBoolean,
  isColor,
  isCoordinate,
  isId,
  isIntIn,
  isName,
  isOneOf,
  isRecordOf,
  isTimestamp,
  same,
} from './field-checks.js'
import { ITEM_LISTS } from './item.js'
import type { Participant } from './participant.js'
import {
  type ExportedVoteSession,
  VOTE_SESSION_STATUSES,
  type Vote,
  type VoteItemRef,
  type VoteResult,
  type VoteSession,
} from './vote-session.js'

/**
 * Structural fast paths for the review entities, with the contract of
 * `copyValidTouchpoint`: a fresh copy in schema key order when the schema would accept `v`
 * as it is, otherwise undefined.
 */

const isList = isOneOf(ITEM_LISTS)
const isStatus = isOneOf(VOTE_SESSION_STATUSES)
const isIdOrNull = (v: unknown): v is string | null => v === null || isId(v)
const isTimestampOrNull = (v: unknown): v is string | null => v === null || isTimestamp(v)
const isParticipantName = (v: unknown): v is string =>
  typeof v === 'string' && v.length >= 1 && v.length <= LIMITS.participantName
const isVotesPerPerson = isIntIn(1, LIMITS.votesPerPerson)
const isCount = isIntIn(0, LIMITS.votes)
const isRank = isIntIn(1, LIMITS.voteItems)

export function copyValidParticipant(v: unknown): Participant | undefined {
  if (!isRecordOf(v, 3)) return undefined
  const { id, name, color } = v
  return isId(id) && isParticipantName(name) && isColor(color) ? { id, name, color } : undefined
}

/** `resolvedBy` is nullable, so a refusal is `false` rather than undefined. */
function copyParticipantOrNull(v: unknown): Participant | null | false {
  return v === null ? null : (copyValidParticipant(v) ?? false)
}

function copyAnchor(v: unknown): CommentAnchor | undefined {
  if (typeof v !== 'object' || v === null) return undefined
  const { type } = v as { type?: unknown }
  if (type === 'touchpoint' || type === 'stage') {
    if (!isRecordOf(v, 2)) return undefined
    return isId(v.id) ? { type, id: v.id } : undefined
  }
  if (type === 'item') {
    if (!isRecordOf(v, 4)) return undefined
    const { touchpointId, itemId, list } = v
    if (!isId(touchpointId) || !isId(itemId) || !isList(list)) return undefined
    return { type, touchpointId, itemId, list }
  }
  if (type !== 'canvas' || !isRecordOf(v, 3)) return undefined
  const { x, y } = v
  return isCoordinate(x) && isCoordinate(y) ? { type, x, y } : undefined
}

export function copyValidComment(v: unknown): Comment | undefined {
  if (!isRecordOf(v, 10)) return undefined
  const { id, parentId, body, createdAt, editedAt, resolved } = v
  const anchor = copyAnchor(v.anchor)
  const author = copyValidParticipant(v.author)
  if (!isId(id) || !anchor || !isIdOrNull(parentId) || !author || !isName(body)) {
    return undefined
  }
  const mentions = copyList(v.mentions, LIMITS.mentions, same(isId))
  const resolvedBy = copyParticipantOrNull(v.resolvedBy)
  if (!mentions || !isTimestamp(createdAt) || !isTimestampOrNull(editedAt)) return undefined
  if (!isBoolean(resolved) || resolvedBy === false) return undefined
  return { id, anchor, parentId, author, body, mentions, createdAt, editedAt, resolved, resolvedBy }
}

export function copyValidVoteItemRef(v: unknown): VoteItemRef | undefined {
  if (!isRecordOf(v, 3)) return undefined
  const { touchpointId, itemId, list } = v
  if (!isId(touchpointId)) return undefined
  if (list === null) return itemId === null ? { touchpointId, itemId, list } : undefined
  return isList(list) && isId(itemId) ? { touchpointId, itemId, list } : undefined
}

export function copyValidVote(v: unknown): Vote | undefined {
  if (!isRecordOf(v, 5)) return undefined
  const { id, sessionId, createdAt } = v
  const voter = copyValidParticipant(v.voter)
  const item = copyValidVoteItemRef(v.item)
  if (!isId(id) || !isId(sessionId) || !voter || !item || !isTimestamp(createdAt)) {
    return undefined
  }
  return { id, sessionId, voter, item, createdAt }
}

function copyResult(v: unknown): VoteResult | undefined {
  if (!isRecordOf(v, 3)) return undefined
  const { votes, rank } = v
  const item = copyValidVoteItemRef(v.item)
  return item && isCount(votes) && isRank(rank) ? { item, votes, rank } : undefined
}

/** `results` is nullable, so a refusal is `false` rather than undefined. */
function copyResults(v: unknown): VoteResult[] | null | false {
  if (v === null) return null
  return copyList(v, LIMITS.voteItems, copyResult) ?? false
}

function copySession(v: Record<string, unknown>): VoteSession | undefined {
  const { id, status, title, votesPerPerson, allowMultiplePerItem, hidden, endsAt } = v
  if (!isId(id) || !isStatus(status) || !isName(title) || !isVotesPerPerson(votesPerPerson)) {
    return undefined
  }
  if (!isBoolean(allowMultiplePerItem) || !isBoolean(hidden) || !isTimestampOrNull(endsAt)) {
    return undefined
  }
  const items = copyList(v.items, LIMITS.voteItems, copyValidVoteItemRef)
  if (!items || items.length === 0) return undefined
  const { createdAt, revealedAt } = v
  const createdBy = copyValidParticipant(v.createdBy)
  const results = copyResults(v.results)
  if (!createdBy || !isTimestamp(createdAt) || !isTimestampOrNull(revealedAt)) return undefined
  if (results === false) return undefined
  return {
    id,
    status,
    title,
    items,
    votesPerPerson,
    allowMultiplePerItem,
    hidden,
    endsAt,
    createdBy,
    createdAt,
    revealedAt,
    results,
  }
}

const SESSION_KEYS = 12

export function copyValidVoteSession(v: unknown): VoteSession | undefined {
  return isRecordOf(v, SESSION_KEYS) ? copySession(v) : undefined
}

export function copyValidExportedVoteSession(v: unknown): ExportedVoteSession | undefined {
  if (!isRecordOf(v, SESSION_KEYS + 1)) return undefined
  const session = copySession(v)
  const votes = copyList(v.votes, LIMITS.votes, copyValidVote)
  return session && votes && { ...session, votes }
}
