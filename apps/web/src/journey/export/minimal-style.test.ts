import { describe, expect, it } from 'vitest'
import {
  formatDeclarations,
  minimalDeclarations,
  minimalPseudoRules,
  parseDeclarations,
} from './minimal-style'

describe('minimal inline styles', () => {
  it('parses declarations, keeping values that contain semicolons or quotes', () => {
    const parsed = parseDeclarations(
      'color: rgb(1, 2, 3); background-image: url("data:image/png;base64,AAA"); font-family: "Inter", sans-serif;',
    )
    expect(parsed.get('color')).toBe('rgb(1, 2, 3)')
    expect(parsed.get('background-image')).toBe('url("data:image/png;base64,AAA")')
    expect(parsed.get('font-family')).toBe('"Inter", sans-serif')
  })

  it('drops what the tag gives by default and what the parent passes down', () => {
    const defaults = parseDeclarations('display: block; color: rgb(0, 0, 0); margin-top: 0px')
    const parent = parseDeclarations('display: flex; color: rgb(90, 90, 90); margin-top: 8px')
    const own = parseDeclarations(
      'display: block; color: rgb(90, 90, 90); margin-top: 0px; padding-left: 4px; width: 240px; --accent: #4f46e5',
    )
    expect(formatDeclarations(minimalDeclarations(own, parent, defaults))).toBe(
      'padding-left: 4px; width: 240px;',
    )
  })

  it('treats a shorthand spelling out the element’s own colour as the default', () => {
    const defaults = parseDeclarations('color: rgb(0, 0, 0); outline: rgb(0, 0, 0) none 3px')
    const own = parseDeclarations(
      'color: rgb(27, 33, 48); outline: rgb(27, 33, 48) none 3px; border: 1px solid rgb(9, 9, 9)',
    )
    expect(formatDeclarations(minimalDeclarations(own, null, defaults))).toBe(
      'color: rgb(27, 33, 48); border: 1px solid rgb(9, 9, 9);',
    )
  })

  it('keeps an inherited value that differs from the parent even when it is the default', () => {
    const defaults = parseDeclarations('color: rgb(0, 0, 0); display: inline')
    const parent = parseDeclarations('color: rgb(90, 90, 90); display: block')
    const own = parseDeclarations('color: rgb(0, 0, 0); display: block')
    expect(formatDeclarations(minimalDeclarations(own, parent, defaults))).toBe(
      'color: rgb(0, 0, 0); display: block;',
    )
  })

  it('cuts down the rules written for pseudo-elements the same way', () => {
    const defaults = parseDeclarations('display: inline; content: normal; color: rgb(0, 0, 0)')
    const owner = parseDeclarations('color: rgb(90, 90, 90); display: flex')
    expect(
      minimalPseudoRules(
        '.a1::before{display: inline; content: ""; color: rgb(90, 90, 90); --x: 1px;} .a1::after{display: block;}',
        owner,
        defaults,
      ),
    ).toBe('.a1::before{content: "";}.a1::after{display: block;}')
  })
})
