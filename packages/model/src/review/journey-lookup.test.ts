import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { collectionMap } from '../doc/layout.js'
import { readJourney } from '../doc/read-journey.js'
import {
  journeyLookup,
  missingAnchorTarget,
  missingItem,
  plainJourneyLookup,
} from './journey-lookup.js'
import { reviewFixture } from './review.test-support.js'

describe('journeyLookup', () => {
  it('answers like a lookup on the plain journey', () => {
    const { journeyDoc, tps, stages, items } = reviewFixture()
    const plain = plainJourneyLookup(readJourney(journeyDoc))
    for (const lookup of [journeyLookup(journeyDoc), plain]) {
      expect(lookup.hasTouchpoint(tps[1] ?? '')).toBe(true)
      expect(lookup.hasTouchpoint('tp_gone')).toBe(false)
      expect(lookup.hasStage(stages[3] ?? '')).toBe(true)
      expect(lookup.hasStage(tps[0] ?? '')).toBe(false)
      expect(lookup.hasItem(items.pain.touchpointId, 'painPoints', items.pain.itemId)).toBe(true)
      expect(lookup.hasItem(items.pain.touchpointId, 'opportunities', items.pain.itemId)).toBe(
        false,
      )
      expect(lookup.hasItem(tps[1] ?? '', 'painPoints', items.pain.itemId)).toBe(false)
      expect(missingItem(lookup, items.idea)).toBeUndefined()
      expect(missingAnchorTarget(lookup, { type: 'canvas', x: 0, y: 0 })).toBeUndefined()
    }
  })

  it('reads only the entries it is asked about, and copes with malformed ones', () => {
    const { journeyDoc, tps } = reviewFixture()
    const lookup = journeyLookup(journeyDoc)
    const touchpoints = collectionMap(journeyDoc, 'touchpoints')
    let reads = 0
    const get = touchpoints.get.bind(touchpoints)
    touchpoints.get = (key: string) => {
      reads++
      return get(key)
    }
    lookup.hasItem(tps[0] ?? '', 'painPoints', 'it_x')
    expect(reads).toBe(1)
    touchpoints.get(tps[1] ?? '')?.set('painPoints', 'garbage')
    expect(lookup.hasItem(tps[1] ?? '', 'painPoints', 'it_x')).toBe(false)
    touchpoints.set('tp_text', 'not a map' as unknown as Y.Map<unknown>)
    expect(lookup.hasTouchpoint('tp_text')).toBe(false)
  })
})
