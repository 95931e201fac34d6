import { useEffect } from 'react'
import { useActions, useJourneyState } from '../store/editor-context'

const VISIBLE_MS = 6000

/** A short message for this person (e.g. why an edit was refused) that goes away by itself. */
export function Notice() {
  const notice = useJourneyState((state) => state.notice)
  const actions = useActions()
  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => actions.dismissNotice(), VISIBLE_MS)
    return () => clearTimeout(timer)
  }, [notice, actions])
  if (!notice) return null
  return (
    <div className="editor-notice" role="alert" data-testid="editor-notice">
      <span>{notice}</span>
      <button
        type="button"
        className="tl-icon-button"
        aria-label="Dismiss"
        onClick={() => actions.dismissNotice()}
      >
        ×
      </button>
    </div>
  )
}
