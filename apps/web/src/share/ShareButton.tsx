import { useState } from 'react'
import { canEdit } from '../collab/token-role'
import { LinkIcon } from '../journey/chrome/icons'
import { useReview } from '../review/ReviewContext'
import { ShareDialog } from './ShareDialog'

/** The top bar's way into sharing; only editors may make links, so only they see it. */
export function ShareButton() {
  const { role } = useReview()
  const [open, setOpen] = useState(false)
  if (!canEdit(role)) return null
  return (
    <>
      <button
        type="button"
        className="tl-button tl-button--small"
        data-testid="share-button"
        title="Share this journey with a link"
        onClick={() => setOpen(true)}
      >
        <LinkIcon size={16} />
        Share
      </button>
      {open ? <ShareDialog onClose={() => setOpen(false)} /> : null}
    </>
  )
}
