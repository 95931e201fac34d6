import { useEffect, useRef, useState } from 'react'

interface Props {
  value: string
  /** Shown but not editable: the page's role may not rename the journey. */
  readOnly?: boolean
  onCommit: (value: string) => void
}

/**
 * The journey's title, edited in place. The draft is local while typing and committed on Enter
 * or blur, so a collaborator's rename never fights the cursor; an empty title is refused.
 */
export function TitleField({ value, readOnly = false, onCommit }: Props) {
  const [draft, setDraft] = useState(value)
  const [editing, setEditing] = useState(false)
  const cancelled = useRef(false)
  useEffect(() => {
    if (!editing) setDraft(value)
  }, [value, editing])

  const commit = () => {
    setEditing(false)
    const next = draft.trim()
    if (cancelled.current) cancelled.current = false
    else if (next && next !== value) onCommit(next)
    else setDraft(value)
  }

  return (
    <input
      className="title-field"
      value={draft}
      aria-label="Journey title"
      data-testid="journey-title"
      maxLength={200}
      readOnly={readOnly}
      onFocus={() => setEditing(true)}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur()
        if (event.key === 'Escape') {
          cancelled.current = true
          setDraft(value)
          event.currentTarget.blur()
        }
      }}
    />
  )
}
