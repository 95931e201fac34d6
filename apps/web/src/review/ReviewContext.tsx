import type { Participant, ReviewRole } from '@touchline/model'
import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react'
import type * as Y from 'yjs'
import { useStore } from 'zustand'
import { browserIdentity } from '../collab/identity-keeper.js'
import type { JourneySession } from '../collab/session.js'
import { roleFromToken } from '../collab/token-role.js'
import { useIdentity } from '../collab/useIdentity.js'
import { identityRegistrar } from '../collab/useRegistration.js'
import { usePeers } from '../journey/presence/use-peers.js'
import { createReviewActions, type ReviewActions } from './review-actions.js'
import { createReviewApi, type ReviewApi } from './review-api.js'
import type { ReviewSession } from './review-session.js'
import {
  type ReviewStore,
  type ReviewStoreState,
  selectOpenSession,
  setPresent,
} from './review-store.js'

/**
 * The review as the UI sees it: who this person is (`me.id` is '' until the server has issued
 * one, which only matters offline on a first visit), the role the page runs with (what it
 * offers; the server decides what it accepts), the store, and what can be done.
 */
export interface Review {
  me: Participant
  role: ReviewRole
  store: ReviewStore
  actions: ReviewActions
  /** The raw routes, for the share dialog (links are not part of the review doc). */
  api: ReviewApi
  /** The review document as received, for the journey file a download holds. */
  doc: Y.Doc
}

export const ReviewContext = createContext<Review | null>(null)

export function useReview(): Review {
  const review = useContext(ReviewContext)
  if (!review) throw new Error('useReview must be used inside a ReviewProvider')
  return review
}

export function useReviewStore<T>(selector: (state: ReviewStoreState) => T): T {
  return useStore(useReview().store, selector)
}

interface Props {
  journey: JourneySession
  review: ReviewSession
  children: ReactNode
}

const openSessionId = (state: ReviewStoreState) => selectOpenSession(state)?.id ?? null

/** Provides the review of the open journey to everything inside the editor. */
export function ReviewProvider({ journey, review, children }: Props) {
  const [identity] = useIdentity()
  const role = roleFromToken(journey.token)
  const { journeyId, token } = journey
  const { store } = review

  const api = useMemo(() => {
    const register = identityRegistrar(token)
    return createReviewApi({
      journeyId,
      token,
      identity: {
        current: () => browserIdentity.registered(register),
        renew: (refused) => browserIdentity.renew(register, refused),
      },
    })
  }, [journeyId, token])
  const actions = useMemo(() => createReviewActions(api, store), [api, store])

  const id = identity?.id ?? ''
  const name = identity?.name ?? ''
  const color = identity?.color ?? ''
  const me = useMemo<Participant>(() => ({ id, name, color }), [id, name, color])

  const peers = usePeers(journey.awareness)
  useEffect(() => {
    const others = peers.flatMap(({ id: peerId, name: peerName, color: peerColor }) =>
      peerId ? [{ id: peerId, name: peerName, color: peerColor }] : [],
    )
    setPresent(store, me.id ? [me, ...others] : others)
  }, [store, me, peers])

  // Hidden votes are known only to the server, so a session that opens (or was open when the
  // page loaded) is asked for this person's votes and budget. A failed ask leaves them unknown
  // (null in the store), which the UI shows as such; the next vote asks again.
  const votingIn = useStore(store, openSessionId)
  useEffect(() => {
    if (votingIn && role !== 'viewer') actions.refreshMyVotes(votingIn).catch(() => undefined)
  }, [votingIn, role, actions])

  const value = useMemo<Review>(
    () => ({ me, role, store, actions, api, doc: review.doc }),
    [me, role, store, actions, api, review.doc],
  )
  return <ReviewContext.Provider value={value}>{children}</ReviewContext.Provider>
}
