import { FORMAT, LIMITS, SCHEMA_VERSION } from '../constants.js'
import { copyValidConnection, copyValidPersona, copyValidStage } from './copy-valid-entities.js'
import { copyValidComment, copyValidExportedVoteSession } from './copy-valid-review.js'
import { copyValidTouchpoint } from './copy-valid-touchpoint.js'
import { copyList, isName, isRecordOf, isText, isTimestamp, same } from './field-checks.js'
import type { SuccessMetric } from './journey.js'
import type { ExportedJourney, JourneyExport } from './journey-export.js'

function copyMetric(v: unknown): SuccessMetric | undefined {
  if (!isRecordOf(v, 2)) return undefined
  const { name, target } = v
  return isName(name) && isText(target) ? { name, target } : undefined
}

/**
 * A fresh copy of the file's `journey` when `ExportedJourneySchema` would accept it as it
 * is, otherwise undefined (the schema then reports every problem). References are not
 * checked here.
 */
export function copyValidExportedJourney(v: unknown): ExportedJourney | undefined {
  if (!isRecordOf(v, 13)) return undefined
  const { schemaVersion, title, description, goal, ownerTeam } = v
  if (schemaVersion !== SCHEMA_VERSION || !isName(title)) return undefined
  if (!isText(description) || !isText(goal) || !isText(ownerTeam)) return undefined
  const metrics = copyList(v.metrics, LIMITS.metrics, copyMetric)
  const tags = copyList(v.tags, LIMITS.listItems, same(isName))
  if (!metrics || !tags) return undefined
  const personas = copyList(v.personas, LIMITS.personas, copyValidPersona)
  const stages = copyList(v.stages, LIMITS.stages, copyValidStage)
  const touchpoints = copyList(v.touchpoints, LIMITS.touchpoints, copyValidTouchpoint)
  const connections = copyList(v.connections, LIMITS.connections, copyValidConnection)
  if (!personas || !stages || !touchpoints || !connections) return undefined
  const comments = copyList(v.comments, LIMITS.comments, copyValidComment)
  const voteSessions = copyList(v.voteSessions, LIMITS.voteSessions, copyValidExportedVoteSession)
  if (!comments || !voteSessions) return undefined
  return {
    schemaVersion,
    title,
    description,
    goal,
    metrics,
    ownerTeam,
    tags,
    personas,
    stages,
    touchpoints,
    connections,
    comments,
    voteSessions,
  }
}

/** The same for a whole export file (`JourneyExportSchema`). */
export function copyValidJourneyExport(v: unknown): JourneyExport | undefined {
  if (!isRecordOf(v, 4)) return undefined
  const { format, version, exportedAt } = v
  if (format !== FORMAT || version !== SCHEMA_VERSION || !isTimestamp(exportedAt)) {
    return undefined
  }
  const journey = copyValidExportedJourney(v.journey)
  return journey && { format, version, exportedAt, journey }
}
