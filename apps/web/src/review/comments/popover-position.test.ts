import { describe, expect, it } from 'vitest'
import { popoverPosition } from './popover-position'

const POPOVER = { width: 300, height: 200 }
const CANVAS = { width: 1000, height: 600 }

describe('popoverPosition', () => {
  it('sits right of the anchor, level with its top, when there is room', () => {
    expect(
      popoverPosition({ left: 100, top: 50, width: 240, height: 90 }, POPOVER, CANVAS),
    ).toEqual({ left: 352, top: 50 })
  })

  it('moves left of an anchor near the right edge', () => {
    expect(
      popoverPosition({ left: 700, top: 50, width: 240, height: 90 }, POPOVER, CANVAS),
    ).toEqual({ left: 388, top: 50 })
  })

  it('stays inside the canvas for an anchor near the bottom or out of view', () => {
    expect(popoverPosition({ left: 100, top: 550, width: 0, height: 0 }, POPOVER, CANVAS)).toEqual({
      left: 112,
      top: 388,
    })
    expect(
      popoverPosition({ left: -900, top: -400, width: 240, height: 90 }, POPOVER, CANVAS),
    ).toEqual({ left: 12, top: 12 })
  })
})
