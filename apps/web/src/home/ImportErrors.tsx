import { AlertIcon, CloseIcon } from '../shell/icons.js'
import { formatPath } from './format-path.js'
import type { ImportFailure } from './useImport.js'

const SHOWN = 50

/** Why an import was refused: one line per problem, each with where in the file it is. */
export function ImportErrors({
  failure,
  onDismiss,
}: {
  failure: ImportFailure
  onDismiss: () => void
}) {
  const shown = failure.issues.slice(0, SHOWN)
  const hidden = failure.issues.length - shown.length
  return (
    <section className="tl-import-errors" data-testid="import-errors" role="alert">
      <header className="tl-import-errors__header">
        <AlertIcon size={18} />
        <div className="tl-import-errors__summary">
          <h2>
            Could not import <span className="tl-import-errors__file">{failure.fileName}</span>
          </h2>
          <p>
            {failure.message}
            {failure.issues.length > 1 && ` ${failure.issues.length} problems were found.`}
          </p>
        </div>
        <button
          type="button"
          className="tl-icon-button"
          aria-label="Dismiss import errors"
          onClick={onDismiss}
        >
          <CloseIcon />
        </button>
      </header>
      {shown.length > 0 && (
        <ol className="tl-import-errors__list">
          {shown.map((issue, index) => (
            <li
              // Issues have no identity of their own; the server's order is stable.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={index}
              data-testid="import-error"
            >
              <code className="tl-import-errors__path">{formatPath(issue.path)}</code>
              <span>{issue.message}</span>
            </li>
          ))}
        </ol>
      )}
      {hidden > 0 && <p className="tl-import-errors__more">and {hidden} more.</p>}
    </section>
  )
}
