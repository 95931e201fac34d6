import type { JourneySummary } from './journey-store.js'

/** A journey's row in the `journeys` table, as SQLite and PostgreSQL both lay it out. */
export type SummaryRow = {
  id: string
  title: string
  personas: number
  stages: number
  touchpoints: number
  connections: number
  // PostgreSQL hands BIGINT back as text; SQLite as a number.
  created_at: number | string
  updated_at: number | string
}

export const SUMMARY_COLUMNS =
  'id, title, personas, stages, touchpoints, connections, created_at, updated_at'

export function toSummary(row: SummaryRow): JourneySummary {
  return {
    id: row.id,
    title: row.title,
    counts: {
      personas: row.personas,
      stages: row.stages,
      touchpoints: row.touchpoints,
      connections: row.connections,
    },
    // Milliseconds since the epoch fit a double exactly.
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  }
}
