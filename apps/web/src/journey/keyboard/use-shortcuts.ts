import { useEffect } from 'react'
import type { JourneyActions } from '../store/journey-actions'

/** Keys typed into a field belong to the field, not to the canvas. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return (
    target.isContentEditable ||
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT'
  )
}

function isModalOpen(): boolean {
  return document.querySelector('dialog:modal') !== null
}

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
}

/**
 * The editor's keyboard: undo/redo, duplicate, select all, delete, nudge, comment, Escape and
 * the `?` overlay. Registered on the window so they work wherever focus is on the page, except
 * in fields.
 */
export function useShortcuts(
  actions: JourneyActions,
  toggleHelp: () => void,
  closeOverlays: () => boolean,
  startComment: () => void,
): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // A modal dialog makes the map inert, keys included; Escape is the dialog's to close it.
      if (event.defaultPrevented || isTyping(event.target) || isModalOpen()) return
      const mod = event.metaKey || event.ctrlKey
      const key = event.key.toLowerCase()
      const handled = (() => {
        if (mod && key === 'z') {
          if (event.shiftKey) actions.redo()
          else actions.undo()
          return true
        }
        if (mod && key === 'y') {
          actions.redo()
          return true
        }
        if (mod && key === 'd') {
          actions.duplicateSelection()
          return true
        }
        if (mod && key === 'a') {
          actions.selectAll()
          return true
        }
        if (mod || event.altKey) return false
        if (event.key === 'Delete' || event.key === 'Backspace') {
          actions.deleteSelection()
          return true
        }
        if (event.key === 'Escape') {
          if (!closeOverlays()) actions.clearSelection()
          return true
        }
        if (event.key === '?') {
          toggleHelp()
          return true
        }
        if (key === 'n') {
          actions.addTouchpointNearSelection()
          return true
        }
        if (key === 'c') {
          startComment()
          return true
        }
        const arrow = ARROWS[event.key]
        if (arrow) {
          actions.nudgeSelection(arrow[0], arrow[1], event.shiftKey)
          return true
        }
        return false
      })()
      if (handled) event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [actions, toggleHelp, closeOverlays, startComment])
}
