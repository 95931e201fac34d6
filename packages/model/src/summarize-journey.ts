import type { Journey } from './entities/journey.js'

export interface JourneySummary {
  title: string
  personas: number
  stages: number
  touchpoints: number
  connections: number
}

/** The counts a journey list shows. */
export function summarizeJourney(journey: Journey): JourneySummary {
  return {
    title: journey.title,
    personas: journey.personas.length,
    stages: journey.stages.length,
    touchpoints: journey.touchpoints.length,
    connections: journey.connections.length,
  }
}
