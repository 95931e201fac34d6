import { useEffect, useId, useRef, useState } from 'react'
import { useCanEdit } from '../store/editor-context'

interface Props {
  label: string
  value: string
  onCommit: (value: string) => void
  multiline?: boolean
  /** Empty is refused (the model requires a name); the field goes back to the stored value. */
  required?: boolean
  placeholder?: string
  hint?: string
  testId?: string
  /** For rows of a list, where the list's own heading names the field. */
  hideLabel?: boolean
  /** Why a draft cannot be stored (it is then kept local and shown as invalid), or null. */
  validate?: (value: string) => string | null
}

/**
 * A text field bound to the doc. Every keystroke is written (collaborators see typing live and
 * undo groups it), while a local draft keeps the caret steady if someone else edits the same
 * field at the same time; the stored value shows again once the field loses focus.
 */
export function TextField({
  label,
  value,
  onCommit,
  multiline,
  required,
  placeholder,
  hint,
  testId,
  hideLabel,
  validate,
}: Props) {
  const id = useId()
  const canEdit = useCanEdit()
  const [draft, setDraft] = useState(value)
  const focused = useRef(false)
  useEffect(() => {
    if (!focused.current) setDraft(value)
  }, [value])

  const problem = (text: string): string | null =>
    required && text.trim() === '' ? 'This cannot be empty' : (validate?.(text) ?? null)

  const change = (next: string) => {
    setDraft(next)
    if (problem(next) !== null) return
    if (next !== value) onCommit(next)
  }
  const common = {
    id,
    value: draft,
    placeholder: canEdit ? placeholder : undefined,
    readOnly: !canEdit,
    'data-testid': testId,
    onFocus: () => {
      focused.current = true
    },
    onBlur: () => {
      focused.current = false
      setDraft(value)
    },
  }
  const error = problem(draft)
  const invalid = error !== null
  return (
    <div className={invalid ? 'field is-invalid' : 'field'}>
      <label className={hideLabel ? 'tl-visually-hidden' : 'field-label'} htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea
          {...common}
          className="tl-input field-textarea"
          aria-invalid={invalid}
          rows={3}
          onChange={(event) => change(event.target.value)}
        />
      ) : (
        <input
          {...common}
          className="tl-input"
          aria-invalid={invalid}
          onChange={(event) => change(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.currentTarget.blur()
          }}
        />
      )}
      {error ? <span className="field-error">{error}</span> : null}
      {hint && !invalid ? <span className="field-hint">{hint}</span> : null}
    </div>
  )
}
