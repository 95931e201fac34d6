import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createJourneyDoc } from '../doc/create-journey-doc.js'
import { readJourney } from '../doc/read-journey.js'
import { createJourneyUndoManager } from '../doc/undo-manager.js'
import { InvalidInputError } from './invalid-input-error.js'
import { expectOneUndoStep, ME, OTHER } from './journey.test-support.js'
import { updateJourney } from './update-journey.js'

describe('updateJourney', () => {
  it('edits the journey fields as one undoable step', () => {
    const doc = createJourneyDoc({ title: 'Before' })
    expectOneUndoStep(doc, () =>
      updateJourney(doc, ME, {
        title: 'After',
        goal: 'From vendor to partner',
        metrics: [{ name: 'SQLs', target: '120' }],
        tags: ['b2b'],
      }),
    )
    expect(readJourney(doc)).toMatchObject({
      title: 'After',
      goal: 'From vendor to partner',
      metrics: [{ name: 'SQLs', target: '120' }],
      tags: ['b2b'],
    })
  })

  it('writes nothing when nothing changes', () => {
    const doc = createJourneyDoc({ title: 'Same' })
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    expect(updateJourney(doc, ME, { title: 'Same' })).toBe(false)
    expect(updates).toHaveLength(0)
  })

  it('undo does not revert another origin', () => {
    const doc = createJourneyDoc({ title: 'A' })
    const undo = createJourneyUndoManager(doc, ME)
    updateJourney(doc, ME, { title: 'Mine' })
    updateJourney(doc, OTHER, { goal: 'Theirs' })
    undo.undo()
    expect(readJourney(doc)).toMatchObject({ title: 'A', goal: 'Theirs' })
  })

  it('refuses invalid values and writes nothing', () => {
    const doc = createJourneyDoc({ title: 'A' })
    const before = Y.encodeStateVector(doc)
    expect(() => updateJourney(doc, ME, { title: '' })).toThrow(InvalidInputError)
    expect(() => updateJourney(doc, ME, { title: '' })).toThrow('title: must not be empty')
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })
})
