import { useId, useState } from 'react'
import { useReview } from '../review/ReviewContext'
import type { CreatedShareLink } from '../review/review-api'
import { Modal } from '../shell/Modal'
import { CreatedLink } from './CreatedLink'
import { LinkList } from './LinkList'
import { LinksDisabled } from './LinksDisabled'
import type { Expiry } from './link-options'
import { NewLinkForm } from './NewLinkForm'
import { useShareLinks } from './use-share-links'
import './share.css'

/**
 * An editor's links to this journey: make one for a role and a time, copy it, and revoke the
 * ones that should stop working (which disconnects whoever is using them at once).
 */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const { api } = useReview()
  const links = useShareLinks(api)
  const [made, setMade] = useState<{ created: CreatedShareLink; asked: Expiry } | null>(null)
  const titleId = useId()

  return (
    <Modal className="share-dialog" testId="share-dialog" labelledBy={titleId} onClose={onClose}>
      <div className="tl-dialog__body">
        <div>
          <h2 className="tl-dialog__title" id={titleId}>
            Share this journey
          </h2>
          <p className="tl-dialog__text">
            A link opens this journey with the role you choose until it expires or you revoke it.
          </p>
        </div>
        {links.listing.status === 'disabled' ? (
          <LinksDisabled />
        ) : (
          <>
            {made ? (
              <CreatedLink
                created={made.created}
                asked={made.asked}
                onAnother={() => setMade(null)}
              />
            ) : (
              <NewLinkForm
                onCreate={async (input) =>
                  setMade({ created: await links.create(input), asked: input.ttl })
                }
              />
            )}
            <LinkList listing={links.listing} onRevoke={links.revoke} />
          </>
        )}
      </div>
      <div className="tl-dialog__actions">
        <button
          type="button"
          className="tl-button tl-button--ghost"
          data-testid="close-share"
          onClick={onClose}
        >
          Close
        </button>
      </div>
    </Modal>
  )
}
