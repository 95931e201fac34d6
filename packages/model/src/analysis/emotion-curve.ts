import type { Journey } from '../entities/journey.js'
import { emotionOf, touchpointsInOrder } from './journey-order.js'

export interface EmotionPoint {
  touchpointId: string
  stageId: string
  value: number
  /** True for every point at the curve's minimum. */
  lowest: boolean
}

export interface StageEmotion {
  stageId: string
  name: string
  /** Mean of the stage's rated points; null when nothing in the stage is rated. */
  average: number | null
  min: number | null
  max: number | null
  count: number
  /** True for every stage whose average is the lowest stage average. */
  lowest: boolean
}

export interface EmotionCurve {
  /** The persona the curve is for; null = all personas averaged per touchpoint. */
  personaId: string | null
  stages: StageEmotion[]
  /** Rated touchpoints in reading order (stage, then left to right, then top to bottom). */
  points: EmotionPoint[]
  lowestValue: number | null
}

/** The emotional curve across the stages, for one persona or for all of them. */
export function emotionCurve(journey: Journey, personaId?: string): EmotionCurve {
  const points: EmotionPoint[] = []
  for (const tp of touchpointsInOrder(journey)) {
    const value = emotionOf(tp, personaId)
    if (value !== null)
      points.push({ touchpointId: tp.id, stageId: tp.stageId, value, lowest: false })
  }
  let lowestValue: number | null = null
  for (const p of points) if (lowestValue === null || p.value < lowestValue) lowestValue = p.value
  for (const p of points) p.lowest = p.value === lowestValue

  const byStage = new Map<string, number[]>()
  for (const p of points) {
    const list = byStage.get(p.stageId)
    if (list) list.push(p.value)
    else byStage.set(p.stageId, [p.value])
  }
  const stages: StageEmotion[] = journey.stages.map((stage) => {
    const values = byStage.get(stage.id) ?? []
    return {
      stageId: stage.id,
      name: stage.name,
      average: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
      min: values.length ? values.reduce((a, b) => Math.min(a, b)) : null,
      max: values.length ? values.reduce((a, b) => Math.max(a, b)) : null,
      count: values.length,
      lowest: false,
    }
  })
  let lowestAverage: number | null = null
  for (const s of stages) {
    if (s.average !== null && (lowestAverage === null || s.average < lowestAverage)) {
      lowestAverage = s.average
    }
  }
  for (const s of stages) s.lowest = s.average !== null && s.average === lowestAverage
  return { personaId: personaId ?? null, stages, points, lowestValue }
}
