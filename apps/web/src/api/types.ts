/** The REST API's shapes as the browser uses them (see the server's routes). */
export interface JourneyCounts {
  personas: number
  stages: number
  touchpoints: number
  connections: number
}

export interface JourneyListItem {
  id: string
  title: string
  counts: JourneyCounts
  /** Milliseconds since the epoch of the last stored change; null when the server did not say. */
  updatedAt: number | null
  createdAt: number | null
}

export interface TemplateInfo {
  id: string
  name: string
  description: string
}
