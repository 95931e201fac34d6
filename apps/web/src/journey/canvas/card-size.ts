import type { Touchpoint } from '@touchline/model'

/**
 * A card's size follows from what it shows, computed rather than measured: the column layout
 * needs every card's height before the browser has drawn it, so a map lays out once, cards
 * off screen can skip rendering, and zooming into the overview look moves nothing. The rows
 * below are the heights `touchpoint-card.css` gives them.
 */
export const CARD_WIDTH = 240
/** Border and padding around the rows. */
const CHROME = 2 + 10 + 10
const TOP_ROW = 18 + 4
export const TITLE_LINE = 18
export const MAX_TITLE_LINES = 3
const OWNER_ROW = 4 + 17
const PERSONA_ROW = 6 + 18
const FOOTER_ROW = 8 + 1 + 7 + 18
/** The title's width: the card less its side padding (14 + 12) and border. */
const TITLE_WIDTH = CARD_WIDTH - 14 - 12 - 2
const TITLE_FONT =
  '650 14px Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif'
/** The overview look's title, in the same box: bigger type, padding 14px above and below. */
export const OVERVIEW_TITLE_LINE = 29
const OVERVIEW_CHROME = 2 + 14 + 14
/** Where no canvas is at hand (tests): a typical width of a title character. */
const FALLBACK_CHAR_WIDTH = 7.4

type Measure = (text: string) => number

let measurer: Measure | null = null

function measure(): Measure {
  if (measurer) return measurer
  const context =
    typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d')
  if (context) {
    context.font = TITLE_FONT
    measurer = (text) => context.measureText(text).width
  } else {
    measurer = (text) => text.length * FALLBACK_CHAR_WIDTH
  }
  return measurer
}

/** Lines `text` wraps to in `width`, breaking between words, and inside a word too long for a line. */
export function wrappedLines(text: string, width: number, widthOf: Measure): number {
  const space = widthOf(' ')
  let lines = 1
  let used = 0
  for (const word of text.split(/\s+/)) {
    if (!word) continue
    const wide = widthOf(word)
    if (used > 0 && used + space + wide <= width) {
      used += space + wide
      continue
    }
    if (used > 0) lines += 1
    used = wide
    while (used > width) {
      lines += 1
      used -= width
    }
  }
  return lines
}

const titleLinesCache = new Map<string, number>()
const CACHE_LIMIT = 20_000

/** Lines the card's title takes, at most `MAX_TITLE_LINES` (longer titles end in an ellipsis). */
export function titleLines(title: string): number {
  const known = titleLinesCache.get(title)
  if (known !== undefined) return known
  // A pixel of slack: the browser's wrapping of fractional widths must never need a line more.
  const lines = Math.min(MAX_TITLE_LINES, wrappedLines(title, TITLE_WIDTH - 1, measure()))
  if (titleLinesCache.size >= CACHE_LIMIT) titleLinesCache.clear()
  titleLinesCache.set(title, lines)
  return lines
}

/** The card's height on the map, in both looks. */
export function cardHeight(touchpoint: Touchpoint): number {
  return (
    CHROME +
    TOP_ROW +
    titleLines(touchpoint.title) * TITLE_LINE +
    (touchpoint.owner ? OWNER_ROW : 0) +
    (touchpoint.personaIds.length > 0 ? PERSONA_ROW : 0) +
    FOOTER_ROW
  )
}

/** Lines of the overview look's bigger title that fit in a card of `height`. */
export function overviewTitleLines(height: number): number {
  return Math.max(1, Math.floor((height - OVERVIEW_CHROME) / OVERVIEW_TITLE_LINE))
}
