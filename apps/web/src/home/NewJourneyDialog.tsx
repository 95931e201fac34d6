import { type FormEvent, useState } from 'react'
import type { ApiClient } from '../api/client.js'
import { describeError } from '../api/errors.js'
import type { TemplateInfo } from '../api/types.js'
import { Modal } from '../shell/Modal.js'

interface NewJourneyDialogProps {
  api: ApiClient
  templates: readonly TemplateInfo[]
  /** Template chosen from the home page's strip; null for a blank journey. */
  initialTemplate: string | null
  onCreated: (id: string) => void
  onClose: () => void
}

const BLANK = ''

/** Names a new journey and picks what it starts from, then opens it. */
export function NewJourneyDialog({
  api,
  templates,
  initialTemplate,
  onCreated,
  onClose,
}: NewJourneyDialogProps) {
  const [template, setTemplate] = useState(initialTemplate ?? BLANK)
  const chosen = templates.find((candidate) => candidate.id === template)
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const name = title.trim() || chosen?.name || 'Untitled journey'
    try {
      const id = await api.createJourney(template ? { title: name, template } : { title: name })
      onCreated(id)
    } catch (cause) {
      setError(describeError(cause))
      setBusy(false)
    }
  }

  const options: TemplateInfo[] = [
    {
      id: BLANK,
      name: 'Blank journey',
      description: 'The seven default B2B stages, nothing else.',
    },
    ...templates,
  ]

  return (
    <Modal
      className="tl-new-journey"
      testId="new-journey-dialog"
      labelledBy="new-journey-title"
      onClose={onClose}
    >
      <form onSubmit={submit}>
        <div className="tl-dialog__body">
          <h2 className="tl-dialog__title" id="new-journey-title">
            New journey
          </h2>
          <label className="tl-field">
            <span className="tl-field__label">Title</span>
            <input
              className="tl-input"
              data-testid="new-journey-title"
              value={title}
              maxLength={200}
              placeholder={chosen?.name ?? 'e.g. Enterprise trial to paid'}
              onChange={(event) => setTitle(event.target.value)}
            />
          </label>
          <fieldset className="tl-new-journey__templates">
            <legend className="tl-field__label">Start from</legend>
            {options.map((option) => (
              <label
                key={option.id || 'blank'}
                className="tl-template-option"
                data-testid="template-option"
                data-template={option.id || 'blank'}
              >
                <input
                  type="radio"
                  name="template"
                  value={option.id}
                  checked={template === option.id}
                  onChange={() => setTemplate(option.id)}
                />
                <span>
                  <span className="tl-template-option__name">{option.name}</span>
                  <span className="tl-template-option__description">{option.description}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {error && (
            <p className="tl-form-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="tl-dialog__actions">
          <button type="button" className="tl-button tl-button--ghost" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="tl-button tl-button--primary"
            data-testid="create-journey"
            disabled={busy}
          >
            {busy ? 'Creating…' : 'Create and open'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
