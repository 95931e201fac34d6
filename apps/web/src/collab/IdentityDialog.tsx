import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import {
  IDENTITY_COLORS,
  initials,
  MAX_NAME_LENGTH,
  type Profile,
  suggestColor,
} from './identity.js'
import './IdentityDialog.css'

interface IdentityDialogProps {
  /** The current identity when editing; absent on a first visit. */
  initial: Profile | null
  onSave: (profile: Profile) => void
  /** Absent on a first visit: a name is needed before joining a journey. */
  onCancel?: () => void
}

/** Asks for the name and colour collaborators will see on this person's cursor and avatar. */
export function IdentityDialog({ initial, onSave, onCancel }: IdentityDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [name, setName] = useState(initial?.name ?? '')
  const [color, setColor] = useState(() => initial?.color ?? suggestColor())
  const nameId = useId()
  const trimmed = name.trim()

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
  }, [])

  function submit(event: FormEvent) {
    event.preventDefault()
    if (trimmed) onSave({ name: trimmed, color })
  }

  return (
    <dialog
      ref={dialog}
      className="tl-dialog tl-identity"
      data-testid="identity-dialog"
      aria-labelledby={`${nameId}-title`}
      onCancel={(event) => {
        // Without a name there is nothing to show others, so a first visit cannot be dismissed.
        if (!onCancel) event.preventDefault()
        else onCancel()
      }}
    >
      <form onSubmit={submit}>
        <div className="tl-dialog__body">
          <div className="tl-identity__preview" aria-hidden="true">
            <span className="tl-avatar tl-identity__avatar" style={{ background: color }}>
              {initials(trimmed || '?')}
            </span>
            <span className="tl-identity__cursor" style={{ background: color }}>
              {trimmed || 'Your name'}
            </span>
          </div>
          <div>
            <h2 className="tl-dialog__title" id={`${nameId}-title`}>
              {initial ? 'Your name and colour' : 'Welcome to Touchline'}
            </h2>
            <p className="tl-dialog__text">
              Collaborators see this on your cursor and avatar. It stays in this browser.
            </p>
          </div>
          <label className="tl-field" htmlFor={nameId}>
            <span className="tl-field__label">Name</span>
            <input
              id={nameId}
              className="tl-input"
              data-testid="identity-name"
              value={name}
              maxLength={MAX_NAME_LENGTH}
              placeholder="e.g. Maya from Marketing"
              autoComplete="name"
              autoFocus
              onChange={(event) => setName(event.target.value)}
            />
          </label>
          <fieldset className="tl-identity__colors">
            <legend className="tl-field__label">Colour</legend>
            {IDENTITY_COLORS.map((option) => (
              <label key={option} className="tl-identity__swatch" style={{ background: option }}>
                <input
                  type="radio"
                  name="identity-color"
                  value={option}
                  checked={color === option}
                  aria-label={option}
                  onChange={() => setColor(option)}
                />
              </label>
            ))}
          </fieldset>
        </div>
        <div className="tl-dialog__actions">
          {onCancel && (
            <button type="button" className="tl-button tl-button--ghost" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button
            type="submit"
            className="tl-button tl-button--primary"
            data-testid="identity-save"
            disabled={!trimmed}
          >
            {initial ? 'Save' : 'Continue'}
          </button>
        </div>
      </form>
    </dialog>
  )
}
