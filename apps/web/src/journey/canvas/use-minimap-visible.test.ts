import { describe, expect, it } from 'vitest'
import { initialMinimapVisible, MINIMAP_MIN_WIDTH } from './use-minimap-visible'

describe('initialMinimapVisible', () => {
  it('hides the overview on small screens and shows it on wide ones', () => {
    expect(initialMinimapVisible(1024, null)).toBe(false)
    expect(initialMinimapVisible(MINIMAP_MIN_WIDTH, null)).toBe(true)
    expect(initialMinimapVisible(1440, null)).toBe(true)
  })

  it('keeps the person’s own choice whatever the width', () => {
    expect(initialMinimapVisible(1024, 'shown')).toBe(true)
    expect(initialMinimapVisible(1440, 'hidden')).toBe(false)
  })
})
