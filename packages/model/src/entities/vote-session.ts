import { z } from 'zod'
import { LIMITS } from '../constants.js'
import { IdSchema, listOf, NameSchema, TimestampSchema } from './fields.js'
import { ITEM_LISTS } from './item.js'
import { ParticipantSchema } from './participant.js'

/** A touchpoint (`itemId` and `list` null) or one pain point or opportunity of it. */
export const VoteItemRefSchema = z.discriminatedUnion('list', [
  z.strictObject({ touchpointId: IdSchema, itemId: z.null(), list: z.null() }),
  z.strictObject({ touchpointId: IdSchema, itemId: IdSchema, list: z.enum(ITEM_LISTS) }),
])
export type VoteItemRef = z.infer<typeof VoteItemRefSchema>

/** Identifies an item within a journey: item ids are unique per touchpoint, not per list. */
export const voteItemKey = (ref: VoteItemRef): string =>
  ref.itemId === null ? ref.touchpointId : `${ref.touchpointId}/${ref.itemId}`

const VotesPerPersonSchema = z
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(LIMITS.votesPerPerson, `must be at most ${LIMITS.votesPerPerson}`)

export const VoteSessionSettingsSchema = z.strictObject({
  title: NameSchema,
  items: listOf(VoteItemRefSchema, LIMITS.voteItems).min(1, 'must list at least one item'),
  votesPerPerson: VotesPerPersonSchema,
  allowMultiplePerItem: z.boolean(),
  /** Ballots stay in the private doc, and only who has voted is public, until the reveal. */
  hidden: z.boolean(),
  endsAt: TimestampSchema.nullable(),
})
export type VoteSessionSettings = z.infer<typeof VoteSessionSettingsSchema>

export const VOTE_SESSION_DEFAULTS: Omit<VoteSessionSettings, 'items'> = {
  title: 'Dot vote',
  votesPerPerson: 3,
  allowMultiplePerItem: false,
  hidden: true,
  endsAt: null,
}

export const VOTE_SESSION_STATUSES = ['open', 'revealed', 'cancelled'] as const
export type VoteSessionStatus = (typeof VOTE_SESSION_STATUSES)[number]

const CountSchema = z
  .int('must be a whole number')
  .min(0, 'must be at least 0')
  .max(LIMITS.votes, `must be at most ${LIMITS.votes}`)

/** One item's outcome: rank 1 = most votes; ties share a rank (1, 1, 3). */
export const VoteResultSchema = z.strictObject({
  item: VoteItemRefSchema,
  votes: CountSchema,
  rank: z
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(LIMITS.voteItems, `must be at most ${LIMITS.voteItems}`),
})
export type VoteResult = z.infer<typeof VoteResultSchema>

export const VoteSessionSchema = z.strictObject({
  id: IdSchema,
  status: z.enum(VOTE_SESSION_STATUSES),
  ...VoteSessionSettingsSchema.shape,
  createdBy: ParticipantSchema,
  createdAt: TimestampSchema,
  revealedAt: TimestampSchema.nullable(),
  /** Set at the reveal; every item of the session is listed, 0-vote items ranked last. */
  results: listOf(VoteResultSchema, LIMITS.voteItems).nullable(),
})
export type VoteSession = z.infer<typeof VoteSessionSchema>

/** One dot. Public votes live in the review doc, hidden ones in the private doc. */
export const VoteSchema = z.strictObject({
  id: IdSchema,
  sessionId: IdSchema,
  voter: ParticipantSchema,
  item: VoteItemRefSchema,
  createdAt: TimestampSchema,
})
export type Vote = z.infer<typeof VoteSchema>

/** A session as the JSON file carries it, with its public votes. */
export const ExportedVoteSessionSchema = z.strictObject({
  ...VoteSessionSchema.shape,
  votes: listOf(VoteSchema, LIMITS.votes),
})
export type ExportedVoteSession = z.infer<typeof ExportedVoteSessionSchema>
