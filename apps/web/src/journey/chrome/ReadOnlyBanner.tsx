import { useJourneyState } from '../store/editor-context'

/** Says why editing is off when the journey comes from a newer Touchline than this page. */
export function ReadOnlyBanner() {
  const newer = useJourneyState((state) => state.readOnly === 'newer-version')
  if (!newer) return null
  return (
    <div className="read-only-banner" role="status" data-testid="read-only-banner">
      <strong>Read-only.</strong> This journey was saved by a newer version of Touchline. You can
      look around and export it; reload the page to edit it with the new version.
      <button
        type="button"
        className="tl-button tl-button--small"
        onClick={() => location.reload()}
      >
        Reload
      </button>
    </div>
  )
}
