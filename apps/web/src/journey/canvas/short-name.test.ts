import { describe, expect, it } from 'vitest'
import { shortName } from './short-name'

describe('shortName', () => {
  it('keeps short names and abbreviates long ones, keeping acronyms', () => {
    expect(shortName('CFO')).toBe('CFO')
    expect(shortName('Procurement')).toBe('Procurement')
    expect(shortName('Chief Financial Officer')).toBe('CFO')
    expect(shortName('VP Finance Operations')).toBe('VPFO')
    expect(shortName('IT Security Lead')).toBe('ITSL')
    expect(shortName('Supercalifragilistic')).toBe('Supercalifr…')
  })
})
