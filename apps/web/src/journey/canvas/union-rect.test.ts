import { describe, expect, it } from 'vitest'
import { unionRect } from './union-rect'

describe('unionRect', () => {
  it('frames the cards together with the curve drawn under them', () => {
    const cards = { x: 16, y: 80, width: 2000, height: 600 }
    const curve = { x: 0, y: 720, width: 2100, height: 196 }
    expect(unionRect(cards, curve)).toEqual({ x: 0, y: 80, width: 2100, height: 836 })
  })
})
