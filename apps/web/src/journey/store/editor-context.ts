import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import type { JourneyActions } from './journey-actions'
import type { JourneyState, JourneyStore } from './journey-store'

/** The open journey's store and actions, shared by the canvas and every panel. */
export interface Editor {
  store: JourneyStore
  actions: JourneyActions
}

export const EditorContext = createContext<Editor | null>(null)

export function useEditor(): Editor {
  const editor = useContext(EditorContext)
  if (!editor) throw new Error('useEditor must be used inside a journey editor')
  return editor
}

export function useJourneyState<T>(selector: (state: JourneyState) => T): T {
  return useStore(useEditor().store, selector)
}

export function useActions(): JourneyActions {
  return useEditor().actions
}

/** Whether this page may change the journey (see `JourneyState.readOnly`). */
export function useCanEdit(): boolean {
  return useJourneyState((state) => state.readOnly === null)
}
