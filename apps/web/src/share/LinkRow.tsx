import { useEffect, useRef, useState } from 'react'
import { describeError } from '../api/errors'
import { absoluteTime, relativeTime } from '../home/relative-time'
import { useReview } from '../review/ReviewContext'
import type { ShareLink } from '../review/review-api'
import { roleLabel } from './link-options'

interface Props {
  link: ShareLink
  onRevoke: (linkId: string) => Promise<void>
}

/**
 * One active link. Revoking asks first, in the row itself (a second modal cannot sit above
 * this one), with the safe answer focused so Enter never revokes by accident.
 */
export function LinkRow({ link, onRevoke }: Props) {
  const { me } = useReview()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const keep = useRef<HTMLButtonElement>(null)
  const expires = Date.parse(link.expiresAt)
  const creator = link.createdBy
    ? link.createdBy.id === me.id
      ? 'you'
      : link.createdBy.name
    : null

  useEffect(() => {
    if (confirming) keep.current?.focus()
  }, [confirming])

  async function revoke() {
    setBusy(true)
    setError(null)
    try {
      await onRevoke(link.id)
    } catch (failure) {
      setError(describeError(failure))
      setBusy(false)
    }
  }

  return (
    <li className="share-link" data-testid="share-link-row" data-id={link.id} data-role={link.role}>
      <div className="share-link__main">
        <span className="share-link__label">{link.label}</span>
        <span className="share-link__meta">
          <span className={`share-role is-${link.role}`}>{roleLabel(link.role)}</span>
          <span title={absoluteTime(expires)}>expires {relativeTime(expires)}</span>
          {creator ? <span>by {creator}</span> : null}
        </span>
      </div>
      {confirming ? (
        <fieldset className="share-link__confirm" aria-label={`Revoke ${link.label}`}>
          <span>Revoke this link? Anyone using it is disconnected at once.</span>
          <button
            ref={keep}
            type="button"
            className="tl-button tl-button--small tl-button--ghost"
            onClick={() => setConfirming(false)}
          >
            Keep
          </button>
          <button
            type="button"
            className="tl-button tl-button--small tl-button--danger"
            data-testid="confirm-revoke"
            disabled={busy}
            onClick={revoke}
          >
            {busy ? 'Revoking…' : 'Revoke'}
          </button>
        </fieldset>
      ) : (
        <button
          type="button"
          className="tl-button tl-button--small"
          data-testid="revoke-link"
          onClick={() => setConfirming(true)}
        >
          Revoke
        </button>
      )}
      {error ? (
        <p className="share-error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  )
}
