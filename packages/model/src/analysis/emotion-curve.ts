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

interface StageTotals {
  sum: number
  min: number
  max: number
  count: number
}

/** The emotional curve across the stages, for one persona or for all of them. */
export function emotionCurve(journey: Journey, personaId?: string): EmotionCurve {
  const points: EmotionPoint[] = []
  const totals = new Map<string, StageTotals>()
  let lowestValue: number | null = null
  for (const tp of touchpointsInOrder(journey)) {
    const value = emotionOf(tp, personaId)
    if (value === null) continue
    points.push({ touchpointId: tp.id, stageId: tp.stageId, value, lowest: false })
    if (lowestValue === null || value < lowestValue) lowestValue = value
    const t = totals.get(tp.stageId)
    if (!t) totals.set(tp.stageId, { sum: value, min: value, max: value, count: 1 })
    else {
      t.sum += value
      if (value < t.min) t.min = value
      if (value > t.max) t.max = value
      t.count++
    }
  }
  for (const p of points) p.lowest = p.value === lowestValue

  let lowestAverage: number | null = null
  const stages: StageEmotion[] = journey.stages.map((stage) => {
    const t = totals.get(stage.id)
    const average = t ? t.sum / t.count : null
    if (average !== null && (lowestAverage === null || average < lowestAverage)) {
      lowestAverage = average
    }
    return {
      stageId: stage.id,
      name: stage.name,
      average,
      min: t ? t.min : null,
      max: t ? t.max : null,
      count: t ? t.count : 0,
      lowest: false,
    }
  })
  for (const s of stages) s.lowest = s.average !== null && s.average === lowestAverage
  return { personaId: personaId ?? null, stages, points, lowestValue }
}
