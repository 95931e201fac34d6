import {
  addReviewComment,
  applyVotePriorities,
  type CommentAnchor,
  cancelVoteSession,
  castVote,
  deleteReviewComment,
  editReviewComment,
  journeyLookup,
  myVotes,
  ReviewRuleError,
  readReview,
  readVoteSession,
  revealVoteSession,
  setCommentResolved,
  startVoteSession,
  type VoteItemRef,
  type VoteSession,
  type VoteSessionInput,
  withdrawVote,
} from '@touchline/model'
import { Hono } from 'hono'
import type * as Y from 'yjs'
import { SERVER_ORIGIN } from '../review/index.js'
import { apiError } from './api-error.js'
import type { AppEnv, HttpDeps } from './app-env.js'
import { journeyIdParam } from './journey-id-param.js'
import { requireAuth } from './require-auth.js'
import { reviewChange } from './review-request.js'

/** What a session keeps of a start request; the rest of the body (its author) is not one. */
const SESSION_SETTINGS = [
  'title',
  'items',
  'votesPerPerson',
  'allowMultiplePerItem',
  'hidden',
  'endsAt',
] as const

/**
 * The review of a journey: reading it, comments, and dot-vote sessions. Every change is a
 * request the server checks against the caller's role (from the access token) and identity
 * (from the identity token), then applies to the review documents itself with the model's
 * mutations: clients only ever read those documents, so a rule here cannot be bypassed
 * with socket bytes.
 */
export function reviewRoutes(deps: HttpDeps) {
  const { auth } = deps
  const as = (role: 'viewer' | 'commenter' | 'editor') =>
    [journeyIdParam, requireAuth(auth, 'journey-param', role)] as const
  const withBody = { body: true, author: 'required' } as const
  const withoutBody = { body: false, author: 'optional' } as const

  return new Hono<AppEnv>()
    .get('/:id/review', ...as('viewer'), async (c) => {
      const id = c.req.param('id')
      const review = await deps.review.read(id, (docs) => readReview(docs.review))
      if (review === null) return apiError(c, 404, `journey ${id} not found`)
      return c.json(review)
    })
    .post('/:id/comments', ...as('commenter'), (c) =>
      reviewChange(c, deps, withBody, ({ actor, body, docs, now }) => {
        const comment = addReviewComment(
          docs.review,
          SERVER_ORIGIN,
          actor,
          journeyLookup(docs.journey),
          {
            ...(body.anchor === undefined ? {} : { anchor: body.anchor as CommentAnchor }),
            ...(body.parentId === undefined ? {} : { parentId: body.parentId as string }),
            body: body.body as string,
            ...(body.mentions === undefined ? {} : { mentions: body.mentions as string[] }),
          },
          now,
        )
        return { status: 201, json: { comment } }
      }),
    )
    .patch('/:id/comments/:commentId', ...as('commenter'), async (c) => {
      const commentId = c.req.param('commentId')
      return reviewChange(c, deps, withBody, ({ actor, body, docs, now }) => {
        const editing = body.body !== undefined || body.mentions !== undefined
        const resolving = body.resolved !== undefined
        if (editing === resolving) {
          throw new ReviewRuleError(
            400,
            'send either body (and mentions) to edit the comment, or resolved to resolve it',
          )
        }
        const comment = resolving
          ? setCommentResolved(
              docs.review,
              SERVER_ORIGIN,
              actor,
              commentId,
              body.resolved as boolean,
              now,
            )
          : editReviewComment(
              docs.review,
              SERVER_ORIGIN,
              actor,
              commentId,
              body.body as string,
              body.mentions as string[] | undefined,
              now,
            )
        return { status: 200, json: { comment } }
      })
    })
    .delete('/:id/comments/:commentId', ...as('commenter'), (c) =>
      reviewChange(c, deps, withoutBody, ({ actor, docs }) => {
        deleteReviewComment(docs.review, SERVER_ORIGIN, actor, c.req.param('commentId'))
        return { status: 204 }
      }),
    )
    .post('/:id/vote-sessions', ...as('editor'), (c) =>
      reviewChange(c, deps, withBody, ({ actor, body, docs, now }) => {
        const settings: Record<string, unknown> = {}
        for (const key of SESSION_SETTINGS) if (body[key] !== undefined) settings[key] = body[key]
        const session = startVoteSession(
          docs.review,
          SERVER_ORIGIN,
          actor,
          journeyLookup(docs.journey),
          settings as VoteSessionInput,
          now,
        )
        return { status: 201, json: { session } }
      }),
    )
    .post('/:id/vote-sessions/:sessionId/votes', ...as('commenter'), (c) =>
      reviewChange(c, deps, withBody, ({ actor, body, docs, now }) => {
        const cast = castVote(
          docs.review,
          docs.private,
          SERVER_ORIGIN,
          actor,
          journeyLookup(docs.journey),
          c.req.param('sessionId'),
          body.item as VoteItemRef,
          now,
        )
        return { status: 201, json: cast }
      }),
    )
    .delete('/:id/vote-sessions/:sessionId/votes/:voteId', ...as('commenter'), (c) =>
      reviewChange(c, deps, withoutBody, ({ actor, docs, now }) => {
        const { remaining } = withdrawVote(
          docs.review,
          docs.private,
          SERVER_ORIGIN,
          actor,
          c.req.param('sessionId'),
          c.req.param('voteId'),
          now,
        )
        return { status: 200, json: { remaining } }
      }),
    )
    .get('/:id/vote-sessions/:sessionId/my-votes', ...as('commenter'), (c) =>
      reviewChange(c, deps, withoutBody, ({ actor, docs }) => {
        const mine = myVotes(
          docs.review,
          docs.private,
          actor.participant.id,
          c.req.param('sessionId'),
        )
        return { status: 200, json: mine }
      }),
    )
    .post('/:id/vote-sessions/:sessionId/reveal', ...as('editor'), (c) =>
      reviewChange(c, deps, withoutBody, ({ actor, docs, now }) => {
        const sessionId = c.req.param('sessionId')
        const results = revealVoteSession(
          docs.review,
          docs.private,
          SERVER_ORIGIN,
          actor,
          sessionId,
          now,
        )
        // Part of the journey from now on: shown in the inspector, kept in its export.
        applyVotePriorities(docs.journey, SERVER_ORIGIN, sessionId, results)
        return { status: 200, json: { session: storedSession(docs.review, sessionId) } }
      }),
    )
    .post('/:id/vote-sessions/:sessionId/cancel', ...as('editor'), (c) =>
      reviewChange(c, deps, withoutBody, ({ actor, docs, now }) => {
        const sessionId = c.req.param('sessionId')
        cancelVoteSession(docs.review, docs.private, SERVER_ORIGIN, actor, sessionId, now)
        return { status: 200, json: { session: storedSession(docs.review, sessionId) } }
      }),
    )
}

/** The session a mutation just wrote; it is there, as the mutation did not throw. */
function storedSession(review: Y.Doc, sessionId: string): VoteSession {
  const session = readVoteSession(review, sessionId)
  if (session === undefined) throw new Error(`vote session ${sessionId} vanished`)
  return session
}
