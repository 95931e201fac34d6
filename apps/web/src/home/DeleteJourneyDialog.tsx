import { useState } from 'react'
import type { ApiClient } from '../api/client.js'
import { describeError } from '../api/errors.js'
import type { JourneyListItem } from '../api/types.js'
import { Modal } from '../shell/Modal.js'

interface DeleteJourneyDialogProps {
  journey: JourneyListItem
  api: ApiClient
  onDeleted: (id: string) => void
  onClose: () => void
}

/** Asks before deleting, saying what is lost, and reports the server's refusal if any. */
export function DeleteJourneyDialog({
  journey,
  api,
  onDeleted,
  onClose,
}: DeleteJourneyDialogProps) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function confirm() {
    setBusy(true)
    setError(null)
    try {
      await api.deleteJourney(journey.id)
      onDeleted(journey.id)
    } catch (cause) {
      setError(describeError(cause))
      setBusy(false)
    }
  }

  const { touchpoints } = journey.counts
  return (
    <Modal testId="delete-dialog" labelledBy="delete-journey-title" onClose={onClose}>
      <div className="tl-dialog__body">
        <h2 className="tl-dialog__title" id="delete-journey-title">
          Delete “{journey.title}”?
        </h2>
        <p className="tl-dialog__text">
          The journey
          {touchpoints > 0 && ` and its ${touchpoints} touchpoint${touchpoints === 1 ? '' : 's'}`}{' '}
          will be removed for everyone. People who have it open are disconnected. This cannot be
          undone; export it first if you may need it again.
        </p>
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
          type="button"
          className="tl-button tl-button--danger"
          data-testid="confirm-delete"
          disabled={busy}
          onClick={confirm}
        >
          {busy ? 'Deleting…' : 'Delete journey'}
        </button>
      </div>
    </Modal>
  )
}
