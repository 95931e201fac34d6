import { useState } from 'react'
import { PlusIcon } from '../chrome/icons'
import { useCanEdit } from '../store/editor-context'

interface Props {
  placeholder: string
  /** Accessible name of the input and its button. */
  label: string
  /** Called with the trimmed text; never with an empty one. */
  onAdd: (text: string) => void
}

/** The "type and press Enter (or +)" row under every editable list in the inspector. */
export function AddItemRow({ placeholder, label, onAdd }: Props) {
  const [draft, setDraft] = useState('')
  const canEdit = useCanEdit()
  const add = () => {
    const text = draft.trim()
    if (!text) return
    onAdd(text)
    setDraft('')
  }
  if (!canEdit) return null
  return (
    <div className="list-add">
      <input
        className="tl-input"
        value={draft}
        placeholder={placeholder}
        aria-label={label}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') add()
        }}
      />
      <button
        type="button"
        className="tl-icon-button"
        aria-label={label}
        disabled={!draft.trim()}
        onClick={add}
      >
        <PlusIcon size={16} />
      </button>
    </div>
  )
}
