import { describe, expect, it } from 'vitest'
import { readJourney } from '../doc/read-journey.js'
import { createJourneyFromTemplate } from '../templates/templates.js'
import { emotionCurve } from './emotion-curve.js'

const journey = () => readJourney(createJourneyFromTemplate('onboarding-to-advocacy'))

describe('emotionCurve', () => {
  it('follows one persona in reading order and marks the lowest points', () => {
    const j = journey()
    const lead = j.personas.find((p) => p.name === 'Implementation lead')
    const curve = emotionCurve(j, lead?.id)
    const title = (id: string) => j.touchpoints.find((t) => t.id === id)?.title
    expect(curve.personaId).toBe(lead?.id)
    expect(curve.points.map((p) => [title(p.touchpointId), p.value])).toEqual([
      ['Referral from a peer customer', 1],
      ['Customer story webinar', 1],
      ['Follow-up email series', 1],
      ['Discovery call with a senior partner', 1],
      ['Hands-on trial workspace', 1],
      ['Executive pitch and signature', 3],
      ['Hand-off to the delivery team', 0],
      ['Training that explains the why', 1],
      ['In-app tips and health score', 2],
      ['Executive business review', 2],
      ['Customer advisory board', 2],
      ['Champions programme and user community', 3],
    ])
    expect(curve.lowestValue).toBe(0)
    expect(curve.points.filter((p) => p.lowest).map((p) => title(p.touchpointId))).toEqual([
      'Hand-off to the delivery team',
    ])
    const onboarding = curve.stages.find((s) => s.name === 'Onboarding')
    expect(onboarding).toMatchObject({ average: 0.5, min: 0, max: 1, count: 2, lowest: true })
    expect(curve.stages.filter((s) => s.lowest)).toHaveLength(1)
  })

  it('averages all personas per touchpoint without a persona, and handles unrated stages', () => {
    const j = journey()
    const curve = emotionCurve(j)
    expect(curve.personaId).toBeNull()
    const handoff = j.touchpoints.find((t) => t.title.startsWith('Hand-off'))
    expect(curve.points.find((p) => p.touchpointId === handoff?.id)?.value).toBeCloseTo(1 / 3)
    const empty = emotionCurve({ ...j, touchpoints: [] })
    expect(empty.points).toEqual([])
    expect(empty.lowestValue).toBeNull()
    expect(empty.stages.every((s) => s.average === null && !s.lowest)).toBe(true)
  })
})

describe('emotionCurve with unusual persona ids', () => {
  it('reads only ratings given, even for an id that names an Object method', () => {
    const j = journey()
    const [first] = j.touchpoints
    if (!first) throw new Error('template has touchpoints')
    const rated = { ...j, touchpoints: [{ ...first, emotions: { valueOf: -2 } }] }
    expect(emotionCurve(rated, 'toString').points).toEqual([])
    expect(emotionCurve(rated, 'valueOf').points.map((p) => p.value)).toEqual([-2])
    expect(emotionCurve(rated).lowestValue).toBe(-2)
  })
})
