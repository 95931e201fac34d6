import type { ReviewRole } from '@touchline/model'
import { type FormEvent, useId, useState } from 'react'
import { describeError } from '../api/errors'
import { SelectField } from '../journey/panels/SelectField'
import { EXPIRY_CHOICES, type Expiry, linkLabel, type NewLink, ROLE_CHOICES } from './link-options'
import { isLinksDisabled } from './links-disabled'

interface Props {
  /** Resolves once the link exists; a refusal is shown here and the form is kept. */
  onCreate: (input: NewLink) => Promise<void>
}

/** A new link's label, role and lifetime. Commenter for a week is what a review usually wants. */
export function NewLinkForm({ onCreate }: Props) {
  const labelId = useId()
  const [label, setLabel] = useState('')
  const [role, setRole] = useState<ReviewRole>('commenter')
  const [ttl, setTtl] = useState<Expiry>('7d')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const hint = ROLE_CHOICES.find((choice) => choice.id === role)?.hint

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      await onCreate({ role, ttl, label: linkLabel(label, role) })
    } catch (failure) {
      // The dialog explains a server without links instead; this form is gone by then.
      if (isLinksDisabled(failure)) return
      setError(describeError(failure))
      setBusy(false)
    }
  }

  return (
    <form className="share-form" onSubmit={submit} data-testid="new-link-form">
      <div className="field">
        <label className="field-label" htmlFor={labelId}>
          Label
        </label>
        <input
          id={labelId}
          className="tl-input"
          value={label}
          maxLength={100}
          placeholder="e.g. Workshop 12 March"
          data-testid="share-label"
          onChange={(event) => setLabel(event.target.value)}
        />
      </div>
      <div className="field-row">
        <SelectField
          label="Role"
          value={role}
          options={ROLE_CHOICES}
          onChange={setRole}
          testId="share-role"
        />
        <SelectField
          label="Expires after"
          value={ttl}
          options={EXPIRY_CHOICES}
          onChange={setTtl}
          testId="share-expiry"
        />
      </div>
      <p className="share-hint">{hint}</p>
      {error ? (
        <p className="share-error" role="alert">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        className="tl-button tl-button--primary share-form__submit"
        data-testid="create-link"
        disabled={busy}
      >
        {busy ? 'Creating…' : 'Create link'}
      </button>
    </form>
  )
}
