import {
  type Declarations,
  formatDeclarations,
  minimalDeclarations,
  minimalPseudoRules,
  parseDeclarations,
  type StyleLookup,
} from './minimal-style'

const SVG_NS = 'http://www.w3.org/2000/svg'
const XHTML_NS = 'http://www.w3.org/1999/xhtml'
const DATA_PREFIX = 'data:image/svg+xml;charset=utf-8,'

interface Defaults {
  /** The computed style of a bare element of this element's tag. */
  of(element: Element): StyleLookup
  dispose(): void
}

/**
 * Computed styles of bare elements, per tag, in a blank same-origin frame: what an element
 * shows with no inline style at all. The bare elements stay in the frame so any property,
 * shorthands included, can be read on demand.
 */
function createDefaults(): Defaults {
  const frame = document.createElement('iframe')
  frame.setAttribute('aria-hidden', 'true')
  frame.style.cssText = 'position:fixed;left:-10000px;top:0;width:800px;height:600px;border:0'
  document.body.append(frame)
  const blank = frame.contentDocument
  const view = frame.contentWindow
  const svgRoot = blank?.createElementNS(SVG_NS, 'svg')
  if (svgRoot) blank?.body.append(svgRoot)
  const cache = new Map<string, StyleLookup>()
  const none: StyleLookup = { get: () => undefined }
  return {
    of(element) {
      const key = `${element.namespaceURI}|${element.localName}`
      const known = cache.get(key)
      if (known) return known
      let lookup = none
      if (blank && view && svgRoot) {
        const bare = blank.createElementNS(element.namespaceURI, element.localName)
        ;(element.namespaceURI === SVG_NS ? svgRoot : blank.body).append(bare)
        const computed = view.getComputedStyle(bare)
        lookup = { get: (name) => computed.getPropertyValue(name) }
      }
      cache.set(key, lookup)
      return lookup
    },
    dispose() {
      frame.remove()
    },
  }
}

/** Rewrites every inline style of the element and its descendants to its minimal form. */
function shrinkTree(element: Element, parent: Declarations | null, defaults: Defaults): void {
  if (element.localName === 'style') {
    // Pseudo-element rules, placed by html-to-image inside the element they belong to.
    const pseudoDefaults = defaults.of(element.ownerDocument.createElementNS(XHTML_NS, 'span'))
    element.textContent = minimalPseudoRules(element.textContent ?? '', parent, pseudoDefaults)
    return
  }
  const style = element.getAttribute('style')
  const own = style ? parseDeclarations(style) : null
  if (own && own.size > 0) {
    const kept = minimalDeclarations(own, parent, defaults.of(element))
    if (kept.size > 0) element.setAttribute('style', formatDeclarations(kept))
    else element.removeAttribute('style')
  }
  // Children inherit from what this element computed, written out in full or not.
  const passed = own && own.size > 0 ? own : parent
  for (const child of element.children) shrinkTree(child, passed, defaults)
}

/** An html-to-image SVG data URL with its inline styles cut down to what changes the picture. */
export function shrinkSvgDataUrl(url: string): string {
  if (!url.startsWith(DATA_PREFIX)) return url
  const source = decodeURIComponent(url.slice(DATA_PREFIX.length))
  const parsed = new DOMParser().parseFromString(source, 'image/svg+xml')
  if (parsed.querySelector('parsererror')) return url
  const defaults = createDefaults()
  try {
    shrinkTree(parsed.documentElement, null, defaults)
  } finally {
    defaults.dispose()
  }
  return DATA_PREFIX + encodeURIComponent(new XMLSerializer().serializeToString(parsed))
}
