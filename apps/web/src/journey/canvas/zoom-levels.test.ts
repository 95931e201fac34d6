import { describe, expect, it } from 'vitest'
import { firstView, MIN_READABLE_ZOOM, OVERVIEW_ZOOM } from './zoom-levels'

describe('firstView', () => {
  it('shows the whole journey when its cards are readable there', () => {
    expect(firstView(0.8, true)).toEqual({ kind: 'whole', maxZoom: 1 })
  })

  it('shows the whole journey in the overview look when only that is readable', () => {
    const view = firstView(0.46, true)
    expect(view).toEqual({ kind: 'whole', maxZoom: 0.46 })
    const between = firstView((OVERVIEW_ZOOM + MIN_READABLE_ZOOM) / 2, true)
    expect(between.kind === 'whole' && between.maxZoom < OVERVIEW_ZOOM).toBe(true)
  })

  it('opens at the first stages when the whole map would be unreadable', () => {
    expect(firstView(0.3, true)).toEqual({ kind: 'start' })
  })

  it('opens an empty map at its first stages, where the columns teach how to start', () => {
    expect(firstView(0.46, false)).toEqual({ kind: 'start' })
    expect(firstView(0.8, false)).toEqual({ kind: 'whole', maxZoom: 1 })
  })
})
