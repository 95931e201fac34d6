import { useRef, useState } from 'react'
import { absoluteTime } from '../home/relative-time'
import { CheckIcon, CopyIcon } from '../journey/chrome/icons'
import type { CreatedShareLink } from '../review/review-api'
import { copyText } from './copy-text'
import { type Expiry, expiresEarly, roleLabel } from './link-options'

type CopyState = 'idle' | 'copied' | 'select'

/**
 * The new link, shown once: only its creator gets the address with its token. Where the
 * browser will not copy, the address is selected for Ctrl+C.
 */
export function CreatedLink({
  created,
  asked,
  onAnother,
}: {
  created: CreatedShareLink
  /** The lifetime asked for, to say so when the server gave less. */
  asked: Expiry
  onAnother: () => void
}) {
  const field = useRef<HTMLInputElement>(null)
  const [copy, setCopy] = useState<CopyState>('idle')
  const { link, url } = created

  async function copyLink() {
    if (await copyText(url)) {
      setCopy('copied')
      return
    }
    field.current?.focus()
    field.current?.select()
    setCopy('select')
  }

  return (
    <section className="share-created" data-testid="created-link" aria-label="New link">
      <p className="share-created__title">
        <strong>{link.label}</strong> · {roleLabel(link.role)} · expires{' '}
        {absoluteTime(Date.parse(link.expiresAt))}
      </p>
      {expiresEarly(asked, link) ? (
        <p className="share-hint" data-testid="expires-early">
          That is sooner than asked: a link never outlasts your own access to the journey.
        </p>
      ) : null}
      <div className="share-created__row">
        <input
          ref={field}
          className="tl-input"
          readOnly
          value={url}
          aria-label="Link address"
          data-testid="created-link-url"
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          className="tl-button tl-button--primary"
          data-testid="copy-link"
          data-copied={copy === 'copied'}
          onClick={copyLink}
        >
          {copy === 'copied' ? <CheckIcon size={16} /> : <CopyIcon size={16} />}
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="share-hint" aria-live="polite">
        {copy === 'select'
          ? 'This browser did not allow copying: the link is selected, press Ctrl+C (⌘C on a Mac).'
          : 'Anyone with this link gets its role. It is shown only now; revoke it below if it goes astray.'}
      </p>
      <button type="button" className="link-button" data-testid="another-link" onClick={onAnother}>
        Create another link
      </button>
    </section>
  )
}
