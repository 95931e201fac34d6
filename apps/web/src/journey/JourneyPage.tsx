import { ReactFlowProvider } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useCallback, useEffect, useState } from 'react'
import { useStore } from 'zustand'
import type { JourneySession } from '../collab/session'
import { canEdit, roleFromToken } from '../collab/token-role'
import { useCommentTool } from '../review/comments/use-comment-tool'
import { ReviewProvider } from '../review/ReviewContext'
import { ReviewLayer } from '../review/ReviewLayer'
import { ReviewUiProvider, useReviewUiStore } from '../review/ReviewUiContext'
import { closeReviewOverlay } from '../review/review-ui-store'
import { useReviewSession } from '../review/useReviewSession'
import { JourneyCanvas } from './canvas/JourneyCanvas'
import { EditorErrorBoundary } from './chrome/EditorErrorBoundary'
import { GettingStarted } from './chrome/GettingStarted'
import { JourneyTopBar } from './chrome/JourneyTopBar'
import { Notice } from './chrome/Notice'
import { ReadOnlyBanner } from './chrome/ReadOnlyBanner'
import { RemoveStageDialog } from './chrome/RemoveStageDialog'
import { ShortcutsOverlay } from './keyboard/ShortcutsOverlay'
import { useShortcuts } from './keyboard/use-shortcuts'
import { EmotionLane } from './lane/EmotionLane'
import { SidePanel } from './panels/SidePanel'
import { usePeers } from './presence/use-peers'
import { usePublishSelection } from './presence/use-publish-selection'
import { type EditorBinding, useEditorBinding } from './session-binding'
import { EditorContext } from './store/editor-context'
import { useDocReady } from './use-doc-ready'
import './journey-page.css'

interface Props {
  session: JourneySession
  onExit: () => void
}

/** The journey editor: everything on the page `/j/:journeyId`. */
export function JourneyPage({ session, onExit }: Props) {
  const binding = useEditorBinding(session.doc, canEdit(roleFromToken(session.token)))
  const review = useReviewSession(session)
  const ready = useDocReady(session)
  if (!binding || !review || !ready) {
    return (
      <div className="journey-loading" role="status">
        <div className="journey-loading-spinner" aria-hidden="true" />
        Opening journey…
      </div>
    )
  }
  return (
    <EditorErrorBoundary doc={session.doc}>
      <EditorContext.Provider value={binding}>
        <ReviewProvider journey={session} review={review}>
          <ReviewUiProvider journeyId={session.journeyId}>
            <ReactFlowProvider>
              <Editor session={session} binding={binding} onExit={onExit} />
            </ReactFlowProvider>
          </ReviewUiProvider>
        </ReviewProvider>
      </EditorContext.Provider>
    </EditorErrorBoundary>
  )
}

function Editor({
  session,
  binding,
  onExit,
}: Props & {
  binding: EditorBinding
}) {
  const peers = usePeers(session.awareness)
  const canEdit = useStore(binding.store, (state) => state.readOnly === null)
  const [helpOpen, setHelpOpen] = useState(false)
  const toggleHelp = useCallback(() => setHelpOpen((open) => !open), [])
  const reviewUi = useReviewUiStore()
  const commentTool = useCommentTool()
  const closeOverlays = useCallback(() => {
    if (closeReviewOverlay(reviewUi)) return true
    const state = binding.store.getState()
    if (state.stageToRemove) {
      binding.actions.requestStageRemoval(null)
      return true
    }
    return false
  }, [binding, reviewUi])
  useShortcuts(binding.actions, toggleHelp, closeOverlays, commentTool.start)
  usePublishSelection(binding.store, session.awareness)

  useEffect(() => {
    document.title = `${binding.store.getState().journey.title} · Touchline`
    return binding.store.subscribe((state, previous) => {
      if (state.journey.title !== previous.journey.title) {
        document.title = `${state.journey.title} · Touchline`
      }
    })
  }, [binding.store])

  return (
    <div className="journey-page" data-can-edit={canEdit}>
      <JourneyTopBar
        session={session}
        peers={peers}
        onExit={onExit}
        onShowShortcuts={() => setHelpOpen(true)}
      />
      <ReadOnlyBanner />
      <div className="journey-body">
        <main className="journey-main">
          <GettingStarted />
          <JourneyCanvas
            awareness={session.awareness}
            undoManager={binding.undoManager}
            peers={peers}
          />
          <ReviewLayer />
          <EmotionLane />
        </main>
        <SidePanel />
      </div>
      <RemoveStageDialog />
      <Notice />
      {helpOpen ? <ShortcutsOverlay onClose={() => setHelpOpen(false)} /> : null}
    </div>
  )
}
