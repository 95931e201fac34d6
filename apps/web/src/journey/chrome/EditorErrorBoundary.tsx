import { Component, type ErrorInfo, type ReactNode } from 'react'
import type * as Y from 'yjs'
import { downloadText } from '../export/download'
import { exportText } from '../export/ExportMenu'

interface Props {
  doc: Y.Doc
  children: ReactNode
}

interface State {
  error: Error | null
}

/**
 * If the editor itself fails, the journey is still safe in the doc (and in this browser's
 * copy): say so, and offer a reload and a download of the journey instead of a blank page.
 */
export class EditorErrorBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console for a bug report; the page shows the way out.
    console.error(error, info.componentStack)
  }

  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <div className="editor-crash" role="alert" data-testid="editor-crash">
        <h1>The editor stopped working</h1>
        <p>
          Your journey is safe: every change was saved as you made it. Reload to continue, or
          download a copy of the journey first.
        </p>
        <p className="editor-crash-detail">{error.message}</p>
        <div className="editor-crash-actions">
          <button
            type="button"
            className="tl-button"
            onClick={() =>
              downloadText(exportText(this.props.doc), 'journey.touchline.json', 'application/json')
            }
          >
            Download the journey (JSON)
          </button>
          <button
            type="button"
            className="tl-button tl-button--primary"
            onClick={() => window.location.reload()}
          >
            Reload
          </button>
        </div>
      </div>
    )
  }
}
