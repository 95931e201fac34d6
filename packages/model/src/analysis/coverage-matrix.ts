import type { Journey } from '../entities/journey.js'

export interface CoverageMatrix {
  personaIds: string[]
  stageIds: string[]
  /** `counts[persona][stage]`: touchpoints serving that persona in that stage. */
  counts: number[][]
  gaps: { personaId: string; stageId: string }[]
}

/** Who is served where: persona x stage touchpoint counts, rows and columns in journey order. */
export function coverageMatrix(journey: Journey): CoverageMatrix {
  const personaIds = journey.personas.map((p) => p.id)
  const stageIds = journey.stages.map((s) => s.id)
  const row = new Map(personaIds.map((id, i) => [id, i]))
  const col = new Map(stageIds.map((id, i) => [id, i]))
  const counts = personaIds.map(() => stageIds.map(() => 0))
  for (const tp of journey.touchpoints) {
    const c = col.get(tp.stageId)
    if (c === undefined) continue
    for (const personaId of tp.personaIds) {
      const r = row.get(personaId)
      const cells = r === undefined ? undefined : counts[r]
      if (cells) cells[c] = (cells[c] ?? 0) + 1
    }
  }
  const gaps = personaIds.flatMap((personaId, r) =>
    stageIds
      .filter((_, c) => (counts[r]?.[c] ?? 0) === 0)
      .map((stageId) => ({ personaId, stageId })),
  )
  return { personaIds, stageIds, counts, gaps }
}
