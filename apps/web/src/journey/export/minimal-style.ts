/**
 * html-to-image writes every computed CSS property (several hundred) inline on every element,
 * which makes an SVG of a 15-card map several megabytes. Most of those declarations repeat what
 * the element would get anyway: the initial value for its tag, or the value inherited from its
 * parent. These functions keep only the declarations that change something.
 */

/** Properties whose value the children inherit when the child does not set them. */
export const INHERITED = new Set([
  'color',
  'cursor',
  'direction',
  'fill',
  'fill-opacity',
  'fill-rule',
  'font',
  'font-family',
  'font-feature-settings',
  'font-kerning',
  'font-size',
  'font-stretch',
  'font-style',
  'font-variant',
  'font-variant-caps',
  'font-variant-ligatures',
  'font-variant-numeric',
  'font-weight',
  'hyphens',
  'letter-spacing',
  'line-height',
  'list-style',
  'list-style-image',
  'list-style-position',
  'list-style-type',
  'overflow-wrap',
  'paint-order',
  'pointer-events',
  'quotes',
  'stroke',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'stroke-opacity',
  'stroke-width',
  'tab-size',
  'text-align',
  'text-anchor',
  'text-indent',
  'text-rendering',
  'text-shadow',
  'text-transform',
  'visibility',
  'white-space',
  'word-break',
  'word-spacing',
  'writing-mode',
  '-webkit-font-smoothing',
  '-webkit-text-fill-color',
  '-webkit-text-stroke-color',
  '-webkit-text-stroke-width',
])

/** Resolved from the element's box, so an equal default is a coincidence, not a default. */
const ALWAYS_KEEP = new Set([
  'width',
  'height',
  'inline-size',
  'block-size',
  'transform-origin',
  'perspective-origin',
  'd',
])

export type Declarations = ReadonlyMap<string, string>

/** Property values by name; computed lazily for an element's bare defaults. */
export interface StyleLookup {
  get(name: string): string | undefined
}

/** `a: b; c: d` into a map; values containing `;` (url(data:...;base64)) stay whole. */
export function parseDeclarations(cssText: string): Map<string, string> {
  const out = new Map<string, string>()
  const pattern = /([-\w]+)\s*:\s*((?:[^;"'()]|"[^"]*"|'[^']*'|\([^)]*\))*)(?:;|$)/g
  for (const match of cssText.matchAll(pattern)) {
    const [, name, value] = match
    if (name && value !== undefined) out.set(name.toLowerCase(), value.trim())
  }
  return out
}

export function formatDeclarations(declarations: Declarations): string {
  return [...declarations].map(([name, value]) => `${name}: ${value};`).join(' ')
}

/**
 * The declarations of one element worth writing: those that differ from what the element gets
 * without them. `own` and `parent` are complete computed styles, `defaults` the computed style
 * of a bare element of the same tag.
 */
export function minimalDeclarations(
  own: Declarations,
  parent: StyleLookup | null,
  defaults: StyleLookup,
): Map<string, string> {
  const out = new Map<string, string>()
  // Shorthands such as `border` or `outline` spell out `currentcolor` as the element's colour,
  // so they are compared with both colours written as `currentcolor`.
  const ownColor = own.get('color')
  const defaultColor = defaults.get('color')
  const neutral = (text: string | undefined, color: string | undefined) =>
    text !== undefined && color ? text.replaceAll(color, 'currentcolor') : text
  for (const [name, value] of own) {
    // Custom properties: every other computed value already has them substituted.
    if (name.startsWith('--')) continue
    if (ALWAYS_KEEP.has(name)) {
      out.set(name, value)
      continue
    }
    const without = INHERITED.has(name) && parent ? parent.get(name) : defaults.get(name)
    if (without === value) continue
    if (!INHERITED.has(name) && neutral(without, defaultColor) === neutral(value, ownColor)) {
      continue
    }
    out.set(name, value)
  }
  return out
}

/**
 * The rules html-to-image writes for pseudo-elements (`.x::before{...}`), each cut down like an
 * element's style: `owner` is the computed style of the element the pseudo-element belongs to.
 */
export function minimalPseudoRules(
  cssText: string,
  owner: StyleLookup | null,
  defaults: StyleLookup,
): string {
  return cssText.replace(/([^{}]+)\{([^}]*)\}/g, (_rule, selector: string, body: string) => {
    const kept = minimalDeclarations(parseDeclarations(body), owner, defaults)
    return `${selector.trim()}{${formatDeclarations(kept)}}`
  })
}
