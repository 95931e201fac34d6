import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import type { Editor } from './store/editor-context'
import { createJourneyActions } from './store/journey-actions'
import { bindJourneyStore } from './store/journey-store'

export interface EditorBinding extends Editor {
  undoManager: Y.UndoManager
}

/**
 * The editor for one doc: store, actions and this person's undo history, created when the page
 * opens and released when it closes (an effect, so React's development double mount gets a
 * fresh, live binding). The origin object identifies this browser tab's edits; `canEdit` is
 * whether the page's role may change the journey.
 */
export function useEditorBinding(doc: Y.Doc, canEdit: boolean): EditorBinding | null {
  const [binding, setBinding] = useState<EditorBinding | null>(null)
  useEffect(() => {
    const origin = { editor: 'touchline-web' }
    const bound = bindJourneyStore(doc, origin, { canEdit })
    const actions = createJourneyActions(doc, origin, bound)
    setBinding({ store: bound.store, actions, undoManager: bound.undoManager })
    return () => {
      bound.destroy()
      setBinding(null)
    }
  }, [doc, canEdit])
  return binding
}
