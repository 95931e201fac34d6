import { useEffect } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type { JourneyStore } from '../store/journey-store'
import { selectedIds } from '../store/selection'

/** Tells collaborators what this person has selected, so they see it outlined in our colour. */
export function usePublishSelection(store: JourneyStore, awareness: Awareness): void {
  useEffect(() => {
    awareness.setLocalStateField('selection', selectedIds(store.getState().selection))
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.selection !== previous.selection) {
        awareness.setLocalStateField('selection', selectedIds(state.selection))
      }
    })
    return () => {
      unsubscribe()
      if (awareness.getLocalState() !== null) awareness.setLocalStateField('selection', [])
    }
  }, [store, awareness])
}
