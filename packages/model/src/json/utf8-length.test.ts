import { describe, expect, it } from 'vitest'
import { utf8Length } from './utf8-length.js'

describe('utf8Length', () => {
  it('matches TextEncoder on every width of character, lone surrogates included', () => {
    for (const text of [
      '',
      'plain',
      'é',
      '€ and ✓',
      '😀',
      'a😀b',
      '\uD800',
      '\uDC00x',
      'x\uD800',
    ]) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length)
    }
  })
})
