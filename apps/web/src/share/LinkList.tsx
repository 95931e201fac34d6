import { activeLinks } from './active-links'
import { LinkRow } from './LinkRow'
import type { LinkListing } from './use-share-links'

interface Props {
  listing: Exclude<LinkListing, { status: 'disabled' }>
  onRevoke: (linkId: string) => Promise<void>
}

/** The links that still open this journey, each with its way to stop doing so. */
export function LinkList({ listing, onRevoke }: Props) {
  const links = listing.status === 'ready' ? activeLinks(listing.links) : []
  return (
    <section className="share-links" aria-label="Active links" data-testid="share-links">
      <h3 className="share-links__title">
        Active links{listing.status === 'ready' ? ` (${links.length})` : ''}
      </h3>
      {listing.status === 'loading' ? <p className="share-hint">Loading links…</p> : null}
      {listing.status === 'failed' ? (
        <p className="share-error" role="alert">
          {listing.error}
        </p>
      ) : null}
      {listing.status === 'ready' && links.length === 0 ? (
        <p className="share-hint">No links open this journey yet.</p>
      ) : null}
      {links.length > 0 ? (
        <ul className="share-links__list">
          {links.map((link) => (
            <LinkRow key={link.id} link={link} onRevoke={onRevoke} />
          ))}
        </ul>
      ) : null}
    </section>
  )
}
