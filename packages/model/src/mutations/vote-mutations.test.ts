import { describe, expect, it } from 'vitest'
import { readJourney } from '../doc/read-journey.js'
import { createItem } from './create-item.js'
import { expectOneUndoStep, ME, sampleDoc } from './journey.test-support.js'
import { updateTouchpoint } from './touchpoint-mutations.js'
import { castVote, removeVote } from './vote-mutations.js'

describe('vote mutations', () => {
  it('castVote dots a touchpoint or one of its pain points', () => {
    const { doc, tps } = sampleDoc()
    const tp = tps[0] ?? ''
    const pain = createItem('Slow reply')
    updateTouchpoint(doc, ME, tp, { painPoints: [pain] })
    const onCard = expectOneUndoStep(doc, () =>
      castVote(doc, ME, { voter: 'Ada', touchpointId: tp }),
    )
    const onPain = castVote(doc, ME, { voter: 'Ada', touchpointId: tp, itemId: pain.id })
    const votes = readJourney(doc).votes
    expect(votes.find((v) => v.id === onCard)).toMatchObject({ voter: 'Ada', itemId: null })
    expect(votes.find((v) => v.id === onPain)).toMatchObject({ itemId: pain.id })
    expect(() => castVote(doc, ME, { voter: 'Ada', touchpointId: tp, itemId: 'it_x' })).toThrow(
      'itemId: touchpoint',
    )
    expect(() => castVote(doc, ME, { voter: 'Ada', touchpointId: 'tp_x' })).toThrow(
      'touchpointId: no touchpoint with id "tp_x"',
    )
  })

  it('removeVote takes a dot back', () => {
    const { doc, tps } = sampleDoc()
    const id = castVote(doc, ME, { voter: 'Ada', touchpointId: tps[1] ?? '' })
    expect(expectOneUndoStep(doc, () => removeVote(doc, ME, id))).toBe(true)
    expect(readJourney(doc).votes).toEqual([])
    expect(removeVote(doc, ME, id)).toBe(false)
  })
})
