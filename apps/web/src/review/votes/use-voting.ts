import type { VoteItemRef } from '@touchline/model'
import { useCallback, useMemo } from 'react'
import { useReview } from '../ReviewContext'
import { selectOpenSession } from '../review-store'
import { useReportFailure } from '../use-report-failure'
import { myLatestVote } from './vote-selectors'

/** Placing and taking back dots in the open session, with refusals told to the person. */
export function useVoting(): {
  place: (item: VoteItemRef) => void
  takeBack: (key: string) => void
} {
  const { store, actions } = useReview()
  const report = useReportFailure()
  const place = useCallback(
    (item: VoteItemRef) => {
      const session = selectOpenSession(store.getState())
      if (session) report(actions.castVote(session.id, item))
    },
    [store, actions, report],
  )
  const takeBack = useCallback(
    (key: string) => {
      const state = store.getState()
      const session = selectOpenSession(state)
      const vote = myLatestVote(state, key)
      if (session && vote) report(actions.withdrawVote(session.id, vote.id))
    },
    [store, actions, report],
  )
  return useMemo(() => ({ place, takeBack }), [place, takeBack])
}
