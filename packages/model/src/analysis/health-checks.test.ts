import { describe, expect, it } from 'vitest'
import { readJourney } from '../doc/read-journey.js'
import type { Journey } from '../entities/journey.js'
import type { Touchpoint } from '../entities/touchpoint.js'
import { generateJourney } from '../generate-journey.js'
import { createJourneyFromTemplate } from '../templates/templates.js'
import { HEALTH_RULES, type HealthRuleId } from './finding.js'
import { healthChecks } from './health-checks.js'

/** The enterprise template: a journey with no findings at all, to break one rule at a time. */
function healthy(): Journey {
  return readJourney(createJourneyFromTemplate('enterprise-demand-generation'))
}

function card(journey: Journey, title: string): Touchpoint {
  const tp = journey.touchpoints.find((t) => t.title.startsWith(title))
  if (!tp) throw new Error(`no touchpoint "${title}"`)
  return tp
}

function persona(journey: Journey, name: string) {
  const found = journey.personas.find((p) => p.name === name)
  if (!found) throw new Error(`no persona "${name}"`)
  return found
}

function stage(journey: Journey, name: string) {
  const found = journey.stages.find((s) => s.name === name)
  if (!found) throw new Error(`no stage "${name}"`)
  return found
}

const findingsOf = (journey: Journey, rule: HealthRuleId) =>
  healthChecks(journey).filter((f) => f.rule === rule)

describe('healthChecks', () => {
  it('finds nothing in a healthy journey, and nothing in an empty one', () => {
    expect(healthChecks(healthy())).toEqual([])
    expect(healthChecks(readJourney(createJourneyFromTemplate('learning-network')))).toEqual([])
    const empty = { ...healthy(), touchpoints: [], connections: [] }
    expect(healthChecks(empty)).toEqual([])
  })

  it('dead-end: a touchpoint with no way forward, unless it is an intended end', () => {
    const journey = healthy()
    const procurement = card(journey, 'Contract')
    journey.connections = journey.connections.filter((c) => c.source !== procurement.id)
    expect(findingsOf(journey, 'dead-end')).toEqual([
      {
        rule: 'dead-end',
        severity: 'warning',
        message:
          '"Contract and procurement" has no way forward; connect it to a next step, or mark it as an intended end',
        targets: [procurement.id],
      },
    ])
    procurement.intendedEnd = true
    expect(findingsOf(journey, 'dead-end')).toEqual([])
  })

  it('no-continual-engagement: a journey without any nurture loop', () => {
    const journey = healthy()
    journey.connections = journey.connections.filter((c) => c.kind !== 'nurture')
    const [only, ...rest] = findingsOf(journey, 'no-continual-engagement')
    expect(rest).toEqual([])
    expect(only?.message).toMatch(
      /^The journey has no nurture loop: nothing keeps buyers engaged after /,
    )
    expect(only?.targets).toContain(card(journey, 'Business case').id)
  })

  it('no-continual-engagement: a conversion or last campaign step that reaches no nurture loop', () => {
    const journey = healthy()
    const procurement = card(journey, 'Contract')
    journey.connections = journey.connections.filter((c) => c.source !== procurement.id)
    procurement.intendedEnd = true
    procurement.conversion = true
    const about = (id: string) =>
      findingsOf(journey, 'no-continual-engagement').find((f) => f.targets[0] === id)
    expect(about(procurement.id)?.message).toBe(
      '"Contract and procurement" is a conversion, but no nurture loop follows it',
    )
    expect(about(card(journey, 'Business case').id)).toBeDefined()
    expect(about(card(journey, 'Webinar').id)).toBeUndefined()
    procurement.conversion = false
    procurement.campaignTag = 'utm_campaign=q3'
    expect(about(procurement.id)?.message).toBe(
      '"Contract and procurement" is the last step of campaign "utm_campaign=q3", but no nurture loop follows it',
    )
  })

  it('emotional-drop: a rise followed by a fall of 3 or more', () => {
    const journey = healthy()
    const cfo = persona(journey, 'Chief Financial Officer')
    const proposal = card(journey, 'Business case')
    const procurement = card(journey, 'Contract')
    proposal.emotions[cfo.id] = 3
    procurement.emotions[cfo.id] = 0
    expect(findingsOf(journey, 'emotional-drop')).toEqual([
      {
        rule: 'emotional-drop',
        severity: 'warning',
        message:
          '"Chief Financial Officer" goes from +3 at "Business case and proposal" to 0 at "Contract and procurement"',
        targets: [procurement.id, proposal.id, cfo.id],
      },
    ])
    procurement.emotions[cfo.id] = 1
    expect(findingsOf(journey, 'emotional-drop')).toEqual([])
    card(journey, 'ROI').emotions[cfo.id] = 3
    procurement.emotions[cfo.id] = 0
    expect(findingsOf(journey, 'emotional-drop')).toEqual([])
  })

  it('stops-at-purchase: nothing after the purchase stage', () => {
    const journey = healthy()
    const purchase = stage(journey, 'Purchase')
    const after = new Set(journey.stages.filter((s) => s.order > purchase.order).map((s) => s.id))
    const gone = new Set(journey.touchpoints.filter((t) => after.has(t.stageId)).map((t) => t.id))
    journey.touchpoints = journey.touchpoints.filter((t) => !gone.has(t.id))
    journey.connections = journey.connections.filter(
      (c) => !gone.has(c.source) && !gone.has(c.target),
    )
    expect(findingsOf(journey, 'stops-at-purchase')).toEqual([
      expect.objectContaining({
        message:
          'The journey stops at "Purchase": nothing helps the customer onboard, adopt, renew or advocate',
        targets: [purchase.id],
      }),
    ])
    const early = new Set(journey.stages.filter((s) => s.order < purchase.order).map((s) => s.id))
    journey.touchpoints = journey.touchpoints.filter((t) => early.has(t.stageId))
    expect(findingsOf(journey, 'stops-at-purchase')).toEqual([])
  })

  it('stage-without-content: a stage whose touchpoints offer no content, or an empty stage', () => {
    const journey = healthy()
    const awareness = stage(journey, 'Awareness')
    for (const tp of journey.touchpoints) if (tp.stageId === awareness.id) tp.content = null
    journey.stages.push({ id: 'st_extra', name: 'Win-back', description: '', order: 99 })
    expect(findingsOf(journey, 'stage-without-content').map((f) => [f.message, f.targets])).toEqual(
      [
        ['No touchpoint in "Awareness" offers content', [awareness.id]],
        ['"Win-back" has no touchpoints and no content', ['st_extra']],
      ],
    )
  })

  it('unserved-persona and coverage-gap', () => {
    const journey = healthy()
    const security = persona(journey, 'IT Security Lead')
    const qbr = card(journey, 'Quarterly')
    qbr.personaIds = qbr.personaIds.filter((id) => id !== security.id)
    delete qbr.emotions[security.id]
    journey.personas.push({ ...security, id: 'pe_new', name: 'Procurement' })
    expect(findingsOf(journey, 'coverage-gap')).toEqual([
      expect.objectContaining({
        severity: 'info',
        message: '"IT Security Lead" is not served in "Adoption"',
        targets: [security.id, stage(journey, 'Adoption').id],
      }),
    ])
    expect(findingsOf(journey, 'unserved-persona')).toEqual([
      expect.objectContaining({
        message: 'No touchpoint serves "Procurement"',
        targets: ['pe_new'],
      }),
    ])
  })

  it('missing-owner and missing-kpis, one finding each listing the touchpoints', () => {
    const journey = healthy()
    const a = card(journey, 'Peer story')
    const b = card(journey, 'Tailored demo')
    a.owner = ' '
    b.owner = ''
    b.kpis = []
    expect(findingsOf(journey, 'missing-owner')).toEqual([
      expect.objectContaining({
        message:
          '2 touchpoints have no owner: "Peer story on LinkedIn" and "Tailored demo on their own data"',
        targets: [a.id, b.id],
      }),
    ])
    expect(findingsOf(journey, 'missing-kpis')).toEqual([
      expect.objectContaining({
        message: '1 touchpoint has no KPIs: "Tailored demo on their own data"',
        targets: [b.id],
      }),
    ])
  })

  it('nurture-without-exit: a nurture loop missing its cadence or exit criteria', () => {
    const journey = healthy()
    const newsletter = card(journey, 'Practitioner newsletter')
    const loop = journey.connections.find((c) => c.kind === 'nurture' && c.source === newsletter.id)
    if (!loop) throw new Error('fixture')
    loop.exitCriteria = ''
    expect(findingsOf(journey, 'nurture-without-exit')[0]?.message).toBe(
      'The nurture loop from "Practitioner newsletter" has no exit criteria',
    )
    loop.cadence = ''
    expect(findingsOf(journey, 'nurture-without-exit')).toEqual([
      expect.objectContaining({
        message: 'The nurture loop from "Practitioner newsletter" has no cadence or exit criteria',
        targets: [loop.id],
      }),
    ])
  })

  it('orders findings by severity and covers every rule on a large generated journey', () => {
    const findings = healthChecks(generateJourney({ touchpoints: 5000, personas: 8, seed: 9 }))
    const ranks = findings.map((f) => ['error', 'warning', 'info'].indexOf(f.severity))
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    const known = new Set<string>(HEALTH_RULES.map((r) => r.id))
    expect(findings.every((f) => known.has(f.rule))).toBe(true)
  })
})
