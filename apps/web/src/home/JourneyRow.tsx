import type { JourneyListItem } from '../api/types.js'
import { DownloadIcon, TrashIcon } from '../shell/icons.js'
import { absoluteTime, relativeTime } from './relative-time.js'

interface JourneyRowProps {
  journey: JourneyListItem
  href: string
  /** The server's export of this journey, downloaded as a file. */
  exportHref: string
  onOpen: (id: string) => void
  onDelete: (journey: JourneyListItem) => void
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/** One journey in the home list; the whole row opens it, the bin asks before deleting. */
export function JourneyRow({ journey, href, exportHref, onOpen, onDelete }: JourneyRowProps) {
  const changed = journey.updatedAt ?? journey.createdAt
  const { counts } = journey
  return (
    <li className="tl-journey-row" data-testid="journey-row" data-id={journey.id}>
      <a
        className="tl-journey-row__link"
        href={href}
        onClick={(event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return
          event.preventDefault()
          onOpen(journey.id)
        }}
      >
        <span className="tl-journey-row__thumb" aria-hidden="true">
          {Array.from({ length: Math.min(Math.max(counts.stages, 1), 7) }, (_, index) => (
            <span
              // The bars only sketch the stage count; they carry no identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={index}
              style={{ height: `${30 + ((index * 37) % 55)}%` }}
            />
          ))}
        </span>
        <span className="tl-journey-row__main">
          <span className="tl-journey-row__title" data-testid="journey-title">
            {journey.title}
          </span>
          <span className="tl-journey-row__meta">
            {plural(counts.personas, 'persona')} · {plural(counts.stages, 'stage')}
          </span>
        </span>
        <span className="tl-journey-row__count" title="Touchpoints">
          <strong>{counts.touchpoints}</strong> touchpoints
        </span>
        <span
          className="tl-journey-row__count tl-journey-row__count--connections"
          title="Connections"
        >
          <strong>{counts.connections}</strong> connections
        </span>
        <span
          className="tl-journey-row__time"
          title={changed === null ? undefined : absoluteTime(changed)}
        >
          {changed === null ? '—' : relativeTime(changed)}
        </span>
      </a>
      <a
        className="tl-icon-button tl-journey-row__action"
        data-testid="download-journey"
        href={exportHref}
        download
        aria-label={`Download ${journey.title} as JSON`}
        title="Download JSON"
      >
        <DownloadIcon />
      </a>
      <button
        type="button"
        className="tl-icon-button tl-journey-row__action tl-journey-row__delete"
        data-testid="delete-journey"
        aria-label={`Delete ${journey.title}`}
        title="Delete journey"
        onClick={() => onDelete(journey)}
      >
        <TrashIcon />
      </button>
    </li>
  )
}
