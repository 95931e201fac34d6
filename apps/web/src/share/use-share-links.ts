import { useCallback, useEffect, useState } from 'react'
import { describeError } from '../api/errors.js'
import type {
  CreatedShareLink,
  ReviewApi,
  ShareLink,
  ShareLinkInput,
} from '../review/review-api.js'
import { isLinksDisabled } from './links-disabled.js'

/** The journey's links as the dialog shows them; `disabled` when the server has no secret. */
export type LinkListing =
  | { status: 'loading' }
  | { status: 'ready'; links: ShareLink[] }
  | { status: 'failed'; error: string }
  | { status: 'disabled' }

export interface ShareLinks {
  listing: LinkListing
  create(input: ShareLinkInput): Promise<CreatedShareLink>
  revoke(linkId: string): Promise<void>
}

/**
 * Loads the journey's share links when the dialog opens and keeps the list in step with what
 * this editor creates and revokes. Links are not in the review doc, so another editor's new
 * link shows the next time the dialog opens.
 */
export function useShareLinks(api: ReviewApi): ShareLinks {
  const [listing, setListing] = useState<LinkListing>({ status: 'loading' })

  useEffect(() => {
    const controller = new AbortController()
    api.listShareLinks(controller.signal).then(
      (links) => setListing({ status: 'ready', links }),
      (error: unknown) => {
        if (controller.signal.aborted) return
        setListing(
          isLinksDisabled(error)
            ? { status: 'disabled' }
            : { status: 'failed', error: describeError(error) },
        )
      },
    )
    return () => controller.abort()
  }, [api])

  const create = useCallback(
    async (input: ShareLinkInput) => {
      try {
        const created = await api.createShareLink(input)
        setListing((current) =>
          current.status === 'ready'
            ? { status: 'ready', links: [created.link, ...current.links] }
            : current,
        )
        return created
      } catch (error) {
        if (isLinksDisabled(error)) setListing({ status: 'disabled' })
        throw error
      }
    },
    [api],
  )

  const revoke = useCallback(
    async (linkId: string) => {
      await api.revokeShareLink(linkId)
      setListing((current) =>
        current.status === 'ready'
          ? { status: 'ready', links: current.links.filter((link) => link.id !== linkId) }
          : current,
      )
    },
    [api],
  )

  return { listing, create, revoke }
}
