import type { VoteSessionStatus } from '@touchline/model'
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react'
import { useStore } from 'zustand'
import { loadMarks, pruneMarks, saveMarks, seenKey, unreadPlaces } from './comments/unread'
import { useReview } from './ReviewContext'
import type { ReviewStoreState } from './review-store'
import {
  createReviewUiStore,
  type ReviewUiState,
  type ReviewUiStore,
  setUnread,
} from './review-ui-store'

const ReviewUiContext = createContext<ReviewUiStore | null>(null)

export function useReviewUiStore(): ReviewUiStore {
  const store = useContext(ReviewUiContext)
  if (!store) throw new Error('useReviewUiStore must be used inside a ReviewUiProvider')
  return store
}

export function useReviewUi<T>(selector: (state: ReviewUiState) => T): T {
  return useStore(useReviewUiStore(), selector)
}

function localStore(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

function statuses(state: ReviewStoreState): Map<string, VoteSessionStatus> {
  return new Map(state.sessions.map((session) => [session.id, session.status]))
}

/**
 * This person's view of the review for one journey: what they have seen (kept in this
 * browser), which threads are open, the heat on the map. A reveal that happens while the page
 * is open puts its heat on the cards at once, for everyone in the room.
 */
export function ReviewUiProvider({
  journeyId,
  children,
}: {
  journeyId: string
  children: ReactNode
}) {
  const { store: review, me } = useReview()
  const [store] = useState(() => createReviewUiStore(loadMarks(journeyId, localStore())))

  useEffect(() => {
    const update = () => {
      const { threads } = review.getState()
      const { marks } = store.getState()
      setUnread(store, unreadPlaces(threads, me.id, marks))
    }
    update()
    const stopReview = review.subscribe((state, previous) => {
      if (state.threads !== previous.threads) update()
    })
    const stopUi = store.subscribe((state, previous) => {
      if (state.marks === previous.marks) return
      update()
      // Only threads that still exist are remembered, once the review has arrived.
      const { synced, threads } = review.getState()
      const kept = synced
        ? pruneMarks(state.marks, new Set(threads.map((t) => t.comment.id)))
        : state.marks
      saveMarks(journeyId, kept, localStore())
    })
    // Another tab of this browser read something: it is read here too.
    const onStorage = (event: StorageEvent) => {
      if (event.key !== seenKey(journeyId)) return
      const theirs = loadMarks(journeyId, localStore())
      const mine = store.getState().marks
      const merged = { ...mine }
      let changed = false
      for (const [id, at] of Object.entries(theirs)) {
        if ((merged[id] ?? -1) < at) {
          merged[id] = at
          changed = true
        }
      }
      if (changed) store.setState({ marks: merged })
    }
    window.addEventListener('storage', onStorage)
    return () => {
      stopReview()
      stopUi()
      window.removeEventListener('storage', onStorage)
    }
  }, [review, store, me.id, journeyId])

  useEffect(() => {
    let known = review.getState().synced ? statuses(review.getState()) : null
    return review.subscribe((state) => {
      if (!state.synced) return
      const now = statuses(state)
      if (known) {
        const revealed = state.sessions.find(
          (session) => session.status === 'revealed' && known?.get(session.id) === 'open',
        )
        if (revealed) store.setState({ heatSessionId: revealed.id })
      }
      known = now
    })
  }, [review, store])

  return <ReviewUiContext.Provider value={store}>{children}</ReviewUiContext.Provider>
}
