import type {
  Comment,
  CommentAnchor,
  Participant,
  ReviewRole,
  ReviewState,
  Vote,
  VoteItemRef,
  VoteSession,
  VoteSessionSettings,
} from '@touchline/model'
import { type ApiClientOptions, createApiRequest, journeyPath, jsonBody } from '../api/client.js'
import { ApiError } from '../api/errors.js'
import { isRecord } from '../api/parse.js'
import type { RegisteredIdentity } from '../collab/identity.js'
import type { MyVotes } from './review-store.js'

export interface CommentInput {
  /** Absent on a reply, which shares its thread's anchor. */
  anchor?: CommentAnchor
  parentId?: string
  body: string
  /** Ids of the participants mentioned with `@name`. */
  mentions?: string[]
}

export interface CommentPatch {
  body?: string
  mentions?: string[]
  resolved?: boolean
}

export type VoteSessionInput = Partial<VoteSessionSettings> & { items: VoteItemRef[] }

/** A share link as the server lists it (the token itself is only shown once, on creation). */
export interface ShareLink {
  id: string
  role: ReviewRole
  label: string
  createdAt: string
  expiresAt: string
  createdBy: Participant | null
  revokedAt: string | null
  url: string
}

export interface ShareLinkInput {
  role: ReviewRole
  /** A duration the server reads: `1h`, `7d`, or seconds. */
  ttl: string
  label: string
}

export interface CreatedShareLink {
  link: ShareLink
  token: string
  url: string
}

/** Every review route of the server (see the server README), for one journey. */
export interface ReviewApi {
  getReview(signal?: AbortSignal): Promise<ReviewState>
  addComment(input: CommentInput): Promise<Comment>
  updateComment(commentId: string, patch: CommentPatch): Promise<Comment>
  deleteComment(commentId: string): Promise<void>
  startVoteSession(input: VoteSessionInput): Promise<VoteSession>
  castVote(sessionId: string, item: VoteItemRef): Promise<{ vote: Vote; remaining: number }>
  withdrawVote(sessionId: string, voteId: string): Promise<{ remaining: number }>
  myVotes(sessionId: string): Promise<MyVotes>
  reveal(sessionId: string): Promise<VoteSession>
  cancel(sessionId: string): Promise<VoteSession>
  createShareLink(input: ShareLinkInput): Promise<CreatedShareLink>
  listShareLinks(signal?: AbortSignal): Promise<ShareLink[]>
  revokeShareLink(linkId: string): Promise<void>
}

/** Where the API gets the identity it acts as, and a new one when the server refuses it. */
export interface IdentitySource {
  current(): Promise<RegisteredIdentity>
  renew(refused: RegisteredIdentity): Promise<RegisteredIdentity>
}

export interface ReviewApiOptions extends ApiClientOptions {
  journeyId: string
  identity: IdentitySource
}

export const IDENTITY_HEADER = 'x-touchline-identity'

/** What the server says when the identity token is missing or no longer its own. */
const IDENTITY_REFUSALS = new Set(['identity required', 'invalid identity'])

function isIdentityRefusal(error: unknown): boolean {
  return (
    error instanceof ApiError && error.status === 401 && IDENTITY_REFUSALS.has(error.reason ?? '')
  )
}

function unexpected(what: string): Error {
  return new Error(`The server sent an unexpected ${what}.`)
}

function withId(value: unknown): value is Record<string, unknown> & { id: string } {
  return isRecord(value) && typeof value.id === 'string'
}

/*
 * The answers are the model's own types, written by the same server; these checks catch a
 * proxy's page or a mismatched server version without re-validating every field.
 */
function entity<T>(body: unknown, key: string): T {
  const value = isRecord(body) ? body[key] : null
  if (!withId(value)) throw unexpected(key)
  return value as unknown as T
}

function remaining(body: unknown): number {
  const value = isRecord(body) ? body.remaining : null
  if (typeof value !== 'number') throw unexpected('vote count')
  return value
}

function list<T>(body: unknown, key: string): T[] {
  const value = isRecord(body) ? body[key] : null
  if (!Array.isArray(value) || !value.every(withId)) throw unexpected(key)
  return value as unknown as T[]
}

function reviewState(body: unknown): ReviewState {
  if (!isRecord(body) || !isRecord(body.voters)) throw unexpected('review')
  return {
    comments: list<Comment>(body, 'comments'),
    sessions: list<VoteSession>(body, 'sessions'),
    votes: list<Vote>(body, 'votes'),
    voters: body.voters as ReviewState['voters'],
  }
}

export function createReviewApi(options: ReviewApiOptions): ReviewApi {
  const request = createApiRequest(options)
  const base = journeyPath(options.journeyId)

  async function read(path: string, signal?: AbortSignal): Promise<unknown> {
    return (await request(`${base}${path}`, { signal: signal ?? null })).json()
  }

  /**
   * A request made as this person. The display name and colour travel in the body (the server
   * checks them); the id only in the signed token. A refused identity is renewed once.
   */
  async function act(method: string, path: string, body?: object): Promise<unknown> {
    const send = async (identity: RegisteredIdentity): Promise<Response> => {
      const init: RequestInit = { method, headers: { [IDENTITY_HEADER]: identity.token } }
      const author = { name: identity.name, color: identity.color }
      return request(`${base}${path}`, body ? jsonBody({ ...body, author }, init) : init)
    }
    const identity = await options.identity.current()
    let response: Response
    try {
      response = await send(identity)
    } catch (error) {
      if (!isIdentityRefusal(error)) throw error
      response = await send(await options.identity.renew(identity))
    }
    return response.status === 204 ? null : response.json()
  }

  const comment = (id: string) => `/comments/${encodeURIComponent(id)}`
  const session = (id: string) => `/vote-sessions/${encodeURIComponent(id)}`

  return {
    getReview: async (signal) => reviewState(await read('/review', signal)),
    addComment: async (input) => entity<Comment>(await act('POST', '/comments', input), 'comment'),
    updateComment: async (id, patch) =>
      entity<Comment>(await act('PATCH', comment(id), patch), 'comment'),
    async deleteComment(id) {
      await act('DELETE', comment(id))
    },
    startVoteSession: async (input) =>
      entity<VoteSession>(await act('POST', '/vote-sessions', input), 'session'),
    async castVote(sessionId, item) {
      const body = await act('POST', `${session(sessionId)}/votes`, { item })
      return { vote: entity<Vote>(body, 'vote'), remaining: remaining(body) }
    },
    async withdrawVote(sessionId, voteId) {
      const path = `${session(sessionId)}/votes/${encodeURIComponent(voteId)}`
      return { remaining: remaining(await act('DELETE', path)) }
    },
    async myVotes(sessionId) {
      const body = await act('GET', `${session(sessionId)}/my-votes`)
      return { votes: list<Vote>(body, 'votes'), remaining: remaining(body) }
    },
    reveal: async (sessionId) =>
      entity<VoteSession>(await act('POST', `${session(sessionId)}/reveal`, {}), 'session'),
    cancel: async (sessionId) =>
      entity<VoteSession>(await act('POST', `${session(sessionId)}/cancel`, {}), 'session'),
    async createShareLink(input) {
      const body = await act('POST', '/share', input)
      const token = isRecord(body) ? body.token : null
      const url = isRecord(body) ? body.url : null
      if (typeof token !== 'string' || typeof url !== 'string') throw unexpected('share link')
      return { link: { ...entity<ShareLink>(body, 'link'), url }, token, url }
    },
    listShareLinks: async (signal) => list<ShareLink>(await read('/share', signal), 'links'),
    async revokeShareLink(linkId) {
      await act('DELETE', `/share/${encodeURIComponent(linkId)}`)
    },
  }
}
