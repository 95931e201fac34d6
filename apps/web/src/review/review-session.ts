import { observeReview, readReview } from '@touchline/model'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { isPermanentClose } from '../collab/close-reasons.js'
import type { JourneySession } from '../collab/session.js'
import { applyReview, createReviewStore, type ReviewStore } from './review-store.js'

/**
 * The review of one open journey: comments and votes, which only the server writes (in answer
 * to the API requests it checks), received read-only on the socket `/sync/<id>/review`.
 */
export interface ReviewSession {
  journeyId: string
  doc: Y.Doc
  provider: WebsocketProvider
  store: ReviewStore
  destroy(): void
}

/** The review socket's room: the journey's room plus `/review`, on the same server. */
export function reviewRoom(journeyId: string): string {
  return `${journeyId}/review`
}

/**
 * Opens the review next to the journey session, with the same server and token, and with the
 * journey's reconnect rule (retry unless the server said retrying cannot help). There is no
 * local copy: nothing here is this browser's work, and the server sends the whole doc on every
 * connect. The provider's own (empty) awareness state stays set: the server echoes it back
 * now and then, which keeps the stock client from taking a quiet review for a dead socket.
 */
export function openReviewSession(
  journey: Pick<JourneySession, 'journeyId' | 'serverUrl' | 'token'>,
): ReviewSession {
  const doc = new Y.Doc()
  const store = createReviewStore()
  const params: Record<string, string> = journey.token ? { token: journey.token } : {}
  const provider = new WebsocketProvider(journey.serverUrl, reviewRoom(journey.journeyId), doc, {
    params,
    shouldReconnect: (event) => !isPermanentClose(event.code),
  })
  const stopObserving = observeReview(doc, (review) => applyReview(store, review))
  const onSync = (synced: boolean): void => {
    if (!synced) return
    applyReview(store, readReview(doc))
    if (!store.getState().synced) store.setState({ synced: true })
  }
  provider.on('sync', onSync)

  let destroyed = false
  return {
    journeyId: journey.journeyId,
    doc,
    provider,
    store,
    destroy() {
      if (destroyed) return
      destroyed = true
      provider.off('sync', onSync)
      stopObserving()
      provider.destroy()
      doc.destroy()
    },
  }
}
