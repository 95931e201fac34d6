import { describe, expect, it } from 'vitest'
import { parseTtl } from './duration.js'

describe('parseTtl', () => {
  it('reads units', () => {
    expect(parseTtl('90s')).toEqual({ seconds: 90 })
    expect(parseTtl('30m')).toEqual({ seconds: 1800 })
    expect(parseTtl('12h')).toEqual({ seconds: 43_200 })
    expect(parseTtl('7d')).toEqual({ seconds: 604_800 })
    expect(parseTtl('2w')).toEqual({ seconds: 1_209_600 })
    expect(parseTtl(3600)).toEqual({ seconds: 3600 })
  })

  it('refuses nonsense, zero, fractions and more than a year', () => {
    for (const bad of ['', '7', 'd', '7y', '-1d', '1.5h', '0s', '400d'] as const) {
      expect(parseTtl(bad)).toHaveProperty('error')
    }
    expect(parseTtl(1.5)).toHaveProperty('error')
    expect(parseTtl(0)).toHaveProperty('error')
  })
})
