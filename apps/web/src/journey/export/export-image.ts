import { getViewportForBounds, type Rect } from '@xyflow/react'
import { toPng, toSvg } from 'html-to-image'
import { shrinkSvgDataUrl } from './shrink-svg'

export type ImageFormat = 'png' | 'svg'

/** Slide-sized output: a 16:9 frame wide enough that card text stays readable when projected. */
const MIN_WIDTH = 1920
const MAX_WIDTH = 4096
const PADDING = 48
/** Edge labels and loops reach past the cards; the frame leaves room for them. */
const OVERHANG = 96

export interface ImageFrame {
  width: number
  height: number
  transform: string
}

/**
 * Where to place the whole map inside the image: the viewport transform that fits every node,
 * at a scale no smaller than 1 so the exported cards are at least as legible as on screen.
 */
export function imageFrame(cards: Rect): ImageFrame {
  const bounds = {
    x: cards.x - OVERHANG,
    y: cards.y,
    width: cards.width + OVERHANG * 2,
    height: cards.height + OVERHANG,
  }
  const contentWidth = Math.max(1, bounds.width) + PADDING * 2
  const contentHeight = Math.max(1, bounds.height) + PADDING * 2
  const width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, contentWidth)))
  const height = Math.round(Math.max((width * 9) / 16, (contentHeight * width) / contentWidth))
  const viewport = getViewportForBounds(bounds, width, height, 0.2, 2, PADDING / width)
  return {
    width,
    height,
    transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`,
  }
}

/** Canvas chrome that must not appear in a picture of the map. */
function keepInImage(element: HTMLElement): boolean {
  const classes = element.classList
  if (!classes) return true
  return !(
    classes.contains('react-flow__controls') ||
    classes.contains('react-flow__panel') ||
    classes.contains('react-flow__handle') ||
    classes.contains('remote-cursor-layer') ||
    classes.contains('stage-menu') ||
    classes.contains('export-exclude')
  )
}

/**
 * Renders the React Flow viewport element (`.react-flow__viewport`) to a data URL, the approach
 * React Flow documents for image export: the viewport is re-transformed so the whole map fits.
 */
export async function renderMapImage(
  viewportElement: HTMLElement,
  /** The bounds of every node, from React Flow's `getNodesBounds`. */
  mapBounds: Rect,
  format: ImageFormat,
  background: string,
): Promise<string> {
  const frame = imageFrame(mapBounds)
  const options = {
    backgroundColor: background,
    width: frame.width,
    height: frame.height,
    filter: keepInImage,
    style: {
      width: `${frame.width}px`,
      height: `${frame.height}px`,
      transform: frame.transform,
    },
  }
  return format === 'png'
    ? toPng(viewportElement, { ...options, pixelRatio: 1 })
    : shrinkSvgDataUrl(await toSvg(viewportElement, options))
}
