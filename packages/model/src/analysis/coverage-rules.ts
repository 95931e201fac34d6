import type { Journey } from '../entities/journey.js'
import { coverageMatrix } from './coverage-matrix.js'
import { type Finding, finding } from './finding.js'
import { listNames } from './journey-order.js'

/** Personas no touchpoint serves, and served personas missing from some stages. */
export function coverageFindings(journey: Journey): Finding[] {
  const matrix = coverageMatrix(journey)
  const stageName = new Map(journey.stages.map((s) => [s.id, s.name]))
  const findings: Finding[] = []
  journey.personas.forEach((persona, row) => {
    const counts = matrix.counts[row] ?? []
    const missing = matrix.stageIds.filter((_, col) => (counts[col] ?? 0) === 0)
    if (missing.length === matrix.stageIds.length) {
      findings.push(
        finding('unserved-persona', `No touchpoint serves "${persona.name}"`, [persona.id]),
      )
    } else if (missing.length > 0) {
      const names = missing.map((id) => stageName.get(id) ?? id)
      findings.push(
        finding('coverage-gap', `"${persona.name}" is not served in ${listNames(names, 7)}`, [
          persona.id,
          ...missing,
        ]),
      )
    }
  })
  return findings
}

/** Every buying stage needs material fit for it. */
export function stagesWithoutContent(journey: Journey): Finding[] {
  const withTouchpoints = new Set<string>()
  const withContent = new Set<string>()
  for (const tp of journey.touchpoints) {
    withTouchpoints.add(tp.stageId)
    if (tp.content) withContent.add(tp.stageId)
  }
  return journey.stages
    .filter((s) => !withContent.has(s.id))
    .map((s) =>
      finding(
        'stage-without-content',
        withTouchpoints.has(s.id)
          ? `No touchpoint in "${s.name}" offers content`
          : `"${s.name}" has no touchpoints and no content`,
        [s.id],
      ),
    )
}
