import { describe, expect, it } from 'vitest'
import { healthChecks } from '../analysis/health-checks.js'
import { DEFAULT_STAGES } from '../constants.js'
import { readJourney } from '../doc/read-journey.js'
import { exportJourney } from '../json/export-journey.js'
import { importJourney } from '../json/import-journey.js'
import { validateJourneyExport } from '../json/validate-journey-export.js'
import { createJourneyFromTemplate, TEMPLATES } from './templates.js'

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('template %s', (_id, template) => {
  it('is a valid journey with the required richness', () => {
    const journey = readJourney(createJourneyFromTemplate(template.id))
    expect(
      validateJourneyExport(exportJourney(createJourneyFromTemplate(template.id))),
    ).toMatchObject({ ok: true })
    expect(journey.stages.map((s) => s.name)).toEqual([...DEFAULT_STAGES])
    expect(journey.personas.length).toBeGreaterThanOrEqual(3)
    expect(journey.touchpoints.length).toBeGreaterThanOrEqual(12)
    expect(journey.connections.some((c) => c.kind === 'nurture')).toBe(true)
    for (const tp of journey.touchpoints) {
      expect(tp.owner).not.toBe('')
      expect(tp.content).not.toBeNull()
      expect(tp.kpis.length).toBeGreaterThan(0)
      expect(Object.keys(tp.emotions).length).toBeGreaterThan(0)
    }
  })

  it('passes its own health checks, except for the findings it shows on purpose', () => {
    const findings = healthChecks(readJourney(createJourneyFromTemplate(template.id)))
    const unexpected = findings.filter((f) => !template.intendedFindings.includes(f.rule))
    expect(unexpected).toEqual([])
    for (const rule of template.intendedFindings) {
      expect(findings.some((f) => f.rule === rule)).toBe(true)
    }
  })

  it('survives export -> import -> export unchanged', () => {
    const first = exportJourney(createJourneyFromTemplate(template.id, 'Copy'))
    const imported = importJourney(JSON.parse(JSON.stringify(first)))
    if (!imported.ok) throw new Error(JSON.stringify(imported.issues))
    const second = exportJourney(imported.doc)
    expect({ ...second, exportedAt: first.exportedAt }).toEqual(first)
    expect(first.journey.title).toBe('Copy')
  })
})

describe('createJourneyFromTemplate', () => {
  it('refuses an unknown template id', () => {
    expect(() => createJourneyFromTemplate('nope')).toThrow('template: no template with id "nope"')
  })
})
