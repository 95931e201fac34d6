import type { ChannelId } from '@touchline/model'
import type { ReactNode } from 'react'

/**
 * One simple line icon per channel (24px grid, stroke drawn in currentColor) so a card's
 * channel reads at a glance even when the label is too small to read.
 */
const PATHS: Record<ChannelId, ReactNode> = {
  website: (
    <>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <path d="M3 9h18M7 6.5h.01M10 6.5h.01" />
    </>
  ),
  blog: <path d="M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4" />,
  newsletter: (
    <>
      <rect x="4" y="3" width="16" height="18" rx="2" />
      <path d="M8 7h8M8 11h8M8 15h5" />
    </>
  ),
  email: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="m3 7 9 6 9-6" />
    </>
  ),
  webinar: (
    <>
      <rect x="3" y="4" width="18" height="12" rx="2" />
      <path d="M8 20h8M12 16v4M10 8l4 2-4 2z" />
    </>
  ),
  'live-event': (
    <>
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4M12 13l1 2 2 .3-1.5 1.4.4 2.3-1.9-1-1.9 1 .4-2.3L9 15.3l2-.3z" />
    </>
  ),
  community: (
    <>
      <circle cx="9" cy="8" r="3" />
      <circle cx="17" cy="9" r="2.5" />
      <path d="M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6M15 14.5c2.8 0 5 2 5 5" />
    </>
  ),
  social: (
    <>
      <circle cx="6" cy="12" r="2.5" />
      <circle cx="18" cy="6" r="2.5" />
      <circle cx="18" cy="18" r="2.5" />
      <path d="m8.2 10.8 7.6-3.6M8.2 13.2l7.6 3.6" />
    </>
  ),
  search: (
    <>
      <circle cx="11" cy="11" r="6" />
      <path d="m20 20-4.5-4.5" />
    </>
  ),
  advertising: <path d="M3 10v4h3l7 5V5L6 10H3zM17 9a4 4 0 0 1 0 6M19.5 6.5a7.5 7.5 0 0 1 0 11" />,
  'sales-conversation': (
    <path d="M4 5h11a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H9l-4 3v-3H4a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2zM20 9h1a1 1 0 0 1 1 1v8l-3-2h-6" />
  ),
  'contact-centre': (
    <path d="M4 14v-2a8 8 0 0 1 16 0v2M4 14h3v5H5a1 1 0 0 1-1-1v-4zM20 14h-3v5h2a1 1 0 0 0 1-1v-4zM17 19c0 1.5-2 2-5 2" />
  ),
  product: (
    <>
      <path d="m12 3 8 4.5v9L12 21l-8-4.5v-9z" />
      <path d="m4 7.5 8 4.5 8-4.5M12 12v9" />
    </>
  ),
  partner: (
    <path d="m3 11 4-4 4 2 3-2 3 1 4 3-3 3M3 11l5 5c.8.8 2 .8 2.8 0L13 14M10 10l3 3M8 15l2 2M6 13l1.5 1.5" />
  ),
  'analyst-media': (
    <>
      <path d="M4 19V5h13v14H4zM17 9h3v9a1 1 0 0 1-1 1h-2" />
      <path d="M7 8h7M7 12h7M7 15h4" />
    </>
  ),
  'peer-recommendation': (
    <path d="M7 11v9H4v-9h3zM7 11l4-7c1.5 0 2.5 1 2.2 2.6L12.6 10H19a2 2 0 0 1 2 2.3l-1.2 6A2 2 0 0 1 17.8 20H7" />
  ),
  'direct-mail': (
    <>
      <rect x="3" y="6" width="18" height="13" rx="2" />
      <path d="M15 9h3v3h-3zM6 11h6M6 14h8" />
    </>
  ),
  other: (
    <>
      <circle cx="12" cy="12" r="8" />
      <path d="M8 12h.01M12 12h.01M16 12h.01" />
    </>
  ),
}

interface Props {
  channel: ChannelId
  size?: number
}

/** Decorative: every use sits next to the channel's name, which screen readers read instead. */
export function ChannelIcon({ channel, size = 16 }: Props) {
  return (
    <svg
      className="channel-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[channel] ?? PATHS.other}
    </svg>
  )
}
