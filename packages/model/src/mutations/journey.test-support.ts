import { expect } from 'vitest'
import type * as Y from 'yjs'
import { createJourneyDoc } from '../doc/create-journey-doc.js'
import { readJourney } from '../doc/read-journey.js'
import { createJourneyUndoManager } from '../doc/undo-manager.js'
import type { Journey } from '../entities/journey.js'
import { addPersona } from './persona-mutations.js'
import { addTouchpoint } from './touchpoint-mutations.js'
import { updateJourney } from './update-journey.js'

export const ME = { user: 'me' }
export const OTHER = { user: 'other' }

/** A journey with default stages, two personas and three touchpoints in the first stages. */
export function sampleDoc() {
  const doc = createJourneyDoc({ title: 'Sample' })
  const stages = readJourney(doc).stages.map((s) => s.id)
  const cfo = addPersona(doc, OTHER, { name: 'CFO', role: 'decision-maker' })
  const user = addPersona(doc, OTHER, { name: 'User', role: 'user' })
  const tps = [0, 1, 2].map((i) =>
    addTouchpoint(doc, OTHER, {
      title: `Touchpoint ${i}`,
      stageId: stages[i],
      personaIds: [cfo],
      emotions: { [cfo]: i },
      position: { x: i * 300, y: 0 },
    }),
  )
  return { doc, stages, personas: { cfo, user }, tps }
}

export function stageIdAt(journey: Journey, index: number): string {
  const stage = journey.stages[index]
  if (!stage) throw new Error(`no stage ${index}`)
  return stage.id
}

/**
 * Runs `action` as ME with an undo manager tracking ME, and checks the undo contract:
 * one undo restores exactly the state before, one redo the state after, and a change made
 * meanwhile by another origin survives both.
 */
export function expectOneUndoStep<T>(doc: Y.Doc, action: () => T): T {
  const undo = createJourneyUndoManager(doc, ME)
  const before = readJourney(doc)
  const result = action()
  const after = readJourney(doc)
  expect(after).not.toEqual(before)
  expect(undo.undoStack).toHaveLength(1)
  const description = `${before.description} (edited by someone else)`
  updateJourney(doc, OTHER, { description })
  undo.undo()
  expect(readJourney(doc)).toEqual({ ...before, description })
  undo.redo()
  expect(readJourney(doc)).toEqual({ ...after, description })
  undo.destroy()
  return result
}
