import type { Comment, Vote, VoteItemRef, VoteSession } from '@touchline/model'
import type { CommentInput, ReviewApi, VoteSessionInput } from './review-api.js'
import { type MyVotes, type ReviewStore, setMyVotes } from './review-store.js'

/**
 * What a person can do in a review. Each call is a request the server checks and applies to
 * the review doc, whose update then reaches every socket (this one included) and the store;
 * only votes come back into the store from the answer, since hidden ones never reach the doc.
 * Refusals are thrown as `ApiError` with the server's sentence, for the UI to show.
 */
export interface ReviewActions {
  addComment(input: CommentInput): Promise<Comment>
  editComment(commentId: string, body: string, mentions?: string[]): Promise<Comment>
  deleteComment(commentId: string): Promise<void>
  setResolved(commentId: string, resolved: boolean): Promise<Comment>
  startVoteSession(input: VoteSessionInput): Promise<VoteSession>
  castVote(sessionId: string, item: VoteItemRef): Promise<Vote>
  withdrawVote(sessionId: string, voteId: string): Promise<void>
  reveal(sessionId: string): Promise<VoteSession>
  cancel(sessionId: string): Promise<VoteSession>
  refreshMyVotes(sessionId: string): Promise<MyVotes>
}

export function createReviewActions(api: ReviewApi, store: ReviewStore): ReviewActions {
  const mine = (sessionId: string): MyVotes | null => store.getState().myVotes[sessionId] ?? null

  async function refreshMyVotes(sessionId: string): Promise<MyVotes> {
    const votes = await api.myVotes(sessionId)
    setMyVotes(store, sessionId, votes)
    return votes
  }

  return {
    addComment: (input) => api.addComment(input),
    editComment: (commentId, body, mentions) =>
      api.updateComment(commentId, mentions === undefined ? { body } : { body, mentions }),
    deleteComment: (commentId) => api.deleteComment(commentId),
    setResolved: (commentId, resolved) => api.updateComment(commentId, { resolved }),
    startVoteSession: (input) => api.startVoteSession(input),
    async castVote(sessionId, item) {
      const { vote, remaining } = await api.castVote(sessionId, item)
      const known = mine(sessionId)
      // Without a list to add to, ask for the whole one rather than guess the other votes.
      if (known) setMyVotes(store, sessionId, { votes: [...known.votes, vote], remaining })
      else await refreshMyVotes(sessionId)
      return vote
    },
    async withdrawVote(sessionId, voteId) {
      const { remaining } = await api.withdrawVote(sessionId, voteId)
      const known = mine(sessionId)
      if (known) {
        const votes = known.votes.filter((vote) => vote.id !== voteId)
        setMyVotes(store, sessionId, { votes, remaining })
      } else await refreshMyVotes(sessionId)
    },
    reveal: (sessionId) => api.reveal(sessionId),
    cancel: (sessionId) => api.cancel(sessionId),
    refreshMyVotes,
  }
}
