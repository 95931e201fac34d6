import { exportJourney } from '@touchline/model'
import { type Rect, useReactFlow } from '@xyflow/react'
import { useState } from 'react'
import type * as Y from 'yjs'
import { useReview } from '../../review/ReviewContext'
import { unionRect } from '../canvas/union-rect'
import { DownloadIcon } from '../chrome/icons'
import { useEditor } from '../store/editor-context'
import { downloadText, downloadUrl, fileSlug } from './download'
import { type ImageFormat, renderMapImage } from './export-image'

interface Props {
  doc: Y.Doc
}

/** Resolves once the browser has laid out and measured the canvas again (a few frames). */
function settled(): Promise<void> {
  return new Promise((resolve) => {
    let frames = 4
    const next = () => {
      frames -= 1
      if (frames === 0) resolve()
      else requestAnimationFrame(next)
    }
    requestAnimationFrame(next)
  })
}

/** The curve figure's rectangle on the map, as it wrote it in its data attributes. */
function figureRect(figure: SVGElement): Rect {
  const read = (name: string) => Number(figure.dataset[name] ?? 0)
  return { x: read('x'), y: read('y'), width: read('width'), height: read('height') }
}

/**
 * The JSON text a download holds: the model's export with the review's comments and vote
 * sessions when there is one, formatted like the command-line export.
 */
export function exportText(doc: Y.Doc, review?: Y.Doc): string {
  return `${JSON.stringify(exportJourney(doc, review ? { review } : {}), null, 2)}\n`
}

/**
 * Downloads: the journey file (exactly the server's export) and pictures of the whole map, as
 * one always-visible button group so each is a single click away.
 */
export function ExportMenu({ doc }: Props) {
  const { store } = useEditor()
  const review = useReview()
  const flow = useReactFlow()
  const [busy, setBusy] = useState<ImageFormat | null>(null)

  const name = () => fileSlug(store.getState().journey.title)

  const exportJson = () => {
    downloadText(exportText(doc, review.doc), `${name()}.touchline.json`, 'application/json')
  }

  const exportImage = async (format: ImageFormat) => {
    const canvas = document.querySelector<HTMLElement>('.journey-canvas')
    const viewport = canvas?.querySelector<HTMLElement>('.react-flow__viewport')
    if (!canvas || !viewport) return
    setBusy(format)
    // The picture shows full cards and the curve under the columns (a slide wants both), so
    // the canvas switches to that look and its cards are measured again before it is taken.
    store.setState({ exporting: true })
    try {
      await settled()
      const background = getComputedStyle(document.documentElement).getPropertyValue('--bg').trim()
      const cards = flow.getNodesBounds(flow.getNodes())
      const figure = canvas.querySelector<SVGElement>('.curve-figure')
      const url = await renderMapImage(
        viewport,
        figure ? unionRect(cards, figureRect(figure)) : cards,
        format,
        background || '#ffffff',
      )
      downloadUrl(url, `${name()}.${format}`)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      store.setState({ notice: `The ${format.toUpperCase()} image could not be made: ${reason}` })
    } finally {
      store.setState({ exporting: false })
      setBusy(null)
    }
  }

  return (
    <fieldset className="export-group" aria-label="Export">
      <span className="export-group-label">
        <DownloadIcon size={15} />
        Export
      </span>
      <button
        type="button"
        data-testid="export-json"
        title="Journey file (JSON), for other tools and version control"
        onClick={exportJson}
      >
        JSON
      </button>
      <button
        type="button"
        data-testid="export-png"
        title="PNG image of the whole map, slide-sized"
        disabled={busy !== null}
        aria-busy={busy === 'png'}
        onClick={() => void exportImage('png')}
      >
        {busy === 'png' ? '…' : 'PNG'}
      </button>
      <button
        type="button"
        data-testid="export-svg"
        title="SVG image of the whole map, scales to any size"
        disabled={busy !== null}
        aria-busy={busy === 'svg'}
        onClick={() => void exportImage('svg')}
      >
        {busy === 'svg' ? '…' : 'SVG'}
      </button>
    </fieldset>
  )
}
