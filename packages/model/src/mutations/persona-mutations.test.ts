import { describe, expect, it } from 'vitest'
import { readJourney } from '../doc/read-journey.js'
import { PERSONA_COLORS } from '../entities/persona.js'
import { expectOneUndoStep, ME, sampleDoc } from './journey.test-support.js'
import { addPersona, removePersona, updatePersona } from './persona-mutations.js'

describe('persona mutations', () => {
  it('addPersona adds a persona with a distinct colour', () => {
    const { doc } = sampleDoc()
    const id = expectOneUndoStep(doc, () =>
      addPersona(doc, ME, { name: 'IT lead', role: 'gatekeeper', pains: ['Shadow IT'] }),
    )
    const persona = readJourney(doc).personas.find((p) => p.id === id)
    expect(persona).toMatchObject({ name: 'IT lead', role: 'gatekeeper', pains: ['Shadow IT'] })
    expect(persona?.color).toBe(PERSONA_COLORS[2])
  })

  it('updatePersona edits fields and validates them', () => {
    const { doc, personas } = sampleDoc()
    expectOneUndoStep(doc, () => updatePersona(doc, ME, personas.cfo, { goals: ['Close faster'] }))
    expect(readJourney(doc).personas.find((p) => p.id === personas.cfo)?.goals).toEqual([
      'Close faster',
    ])
    expect(() => updatePersona(doc, ME, personas.cfo, { color: 'red' })).toThrow(
      'color: must be a colour like "#3366cc"',
    )
    expect(() => updatePersona(doc, ME, 'pe_none', { name: 'x' })).toThrow(
      'id: no persona with id "pe_none"',
    )
  })

  it('removePersona also removes it from touchpoints and their emotions, in one step', () => {
    const { doc, personas, tps } = sampleDoc()
    expectOneUndoStep(doc, () => removePersona(doc, ME, personas.cfo))
    const journey = readJourney(doc)
    expect(journey.personas.map((p) => p.id)).toEqual([personas.user])
    const tp = journey.touchpoints.find((t) => t.id === tps[1])
    expect(tp?.personaIds).toEqual([])
    expect(tp?.emotions).toEqual({})
    expect(removePersona(doc, ME, personas.cfo)).toBe(false)
  })
})
