import { type ReactFlowState, useStoreApi } from '@xyflow/react'
import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useActions } from '../store/editor-context'

interface Props {
  stageId: string
  index: number
  stageCount: number
  onRename: () => void
}

/** The viewport as one value, so any pan or zoom is a change. */
function viewportKey(state: ReactFlowState): string {
  return state.transform.join(',')
}

/** The "…" menu of a stage header. */
export function StageMenu({ stageId, index, stageCount, onRename }: Props) {
  const actions = useActions()
  // Where the open menu sits on screen; it is drawn over the page, not inside the zoomed canvas,
  // so it stays readable and above the cards.
  const [anchor, setAnchor] = useState<{ top: number; right: number } | null>(null)
  const open = anchor !== null
  const root = useRef<HTMLDivElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  // The open menu is drawn over the page at the header's screen position; once the map pans or
  // zooms the header is elsewhere, so the menu closes instead of pointing at the wrong stage.
  // Only an open menu listens: every stage header re-rendering on every pan frame is not free.
  const flow = useStoreApi()
  useEffect(() => {
    if (!open) return
    const openedAt = viewportKey(flow.getState())
    return flow.subscribe((state) => {
      if (viewportKey(state) !== openedAt) setAnchor(null)
    })
  }, [open, flow])
  const setOpen = (next: boolean) => {
    const rect = root.current?.getBoundingClientRect()
    setAnchor(next && rect ? { top: rect.bottom + 4, right: window.innerWidth - rect.right } : null)
  }

  useEffect(() => {
    if (!open) return
    const close = (event: globalThis.PointerEvent) => {
      const target = event.target as Node
      if (!root.current?.contains(target) && !menu.current?.contains(target)) setAnchor(null)
    }
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      // The menu takes this Escape; it must not also clear the selection.
      event.preventDefault()
      setAnchor(null)
    }
    window.addEventListener('pointerdown', close, true)
    window.addEventListener('keydown', closeOnEscape, true)
    return () => {
      window.removeEventListener('pointerdown', close, true)
      window.removeEventListener('keydown', closeOnEscape, true)
    }
  }, [open])

  const run = (action: () => void) => () => {
    setOpen(false)
    action()
  }

  return (
    <div className="stage-menu" ref={root}>
      <button
        type="button"
        className="tl-icon-button stage-menu-button"
        aria-label="Stage actions"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
          <circle cx="5" cy="12" r="1.8" fill="currentColor" />
          <circle cx="12" cy="12" r="1.8" fill="currentColor" />
          <circle cx="19" cy="12" r="1.8" fill="currentColor" />
        </svg>
      </button>
      {anchor
        ? createPortal(
            <div
              ref={menu}
              className="menu menu-floating"
              role="menu"
              style={{ top: anchor.top, right: anchor.right }}
            >
              <button
                type="button"
                role="menuitem"
                onClick={run(() => actions.addTouchpointToStage(stageId))}
              >
                Add touchpoint
              </button>
              <button type="button" role="menuitem" onClick={run(onRename)}>
                Rename
              </button>
              <button
                type="button"
                role="menuitem"
                onClick={run(() => actions.selectStage(stageId))}
              >
                Edit details
              </button>
              <button
                type="button"
                role="menuitem"
                disabled={index === 0}
                onClick={run(() => actions.moveStage(stageId, index - 1))}
              >
                Move left
              </button>
              <button
                type="button"
                role="menuitem"
                disabled={index === stageCount - 1}
                onClick={run(() => actions.moveStage(stageId, index + 1))}
              >
                Move right
              </button>
              <button
                type="button"
                role="menuitem"
                onClick={run(() => actions.addStageAfter(stageId))}
              >
                Add stage after
              </button>
              <hr />
              <button
                type="button"
                role="menuitem"
                className="menu-danger"
                onClick={run(() => actions.requestStageRemoval(stageId))}
              >
                Delete stage…
              </button>
            </div>,
            document.body,
          )
        : null}
    </div>
  )
}
