export * from './constants.js'
export { createId } from './create-id.js'
export { type CreateJourneyOptions, createJourneyDoc } from './doc/create-journey-doc.js'
export {
  DOC_MIGRATIONS,
  type DocMigration,
  docSchemaVersion,
  type MigrateDocResult,
  migrateDoc,
} from './doc/doc-schema-version.js'
export type { JourneyChanges } from './doc/journey-changes.js'
export { COLLECTIONS, type CollectionName } from './doc/layout.js'
export {
  type JourneyListener,
  mergeChanges,
  noChanges,
  observeJourney,
} from './doc/observe-journey.js'
export { type ReadReuse, readJourney } from './doc/read-journey.js'
export { journeyToDoc, writeJourney } from './doc/write-journey.js'
export {
  type Comment,
  type CommentAnchor,
  CommentAnchorSchema,
  CommentSchema,
} from './entities/comment.js'
export { type Connection, ConnectionSchema } from './entities/connection.js'
export { type Item, ItemSchema } from './entities/fields.js'
export { formatPath, type Issue } from './entities/issue.js'
export {
  type Journey,
  type JourneyMeta,
  JourneyMetaSchema,
  JourneySchema,
  type SuccessMetric,
  SuccessMetricSchema,
} from './entities/journey.js'
export { type JourneyExport, JourneyExportSchema } from './entities/journey-export.js'
export { PERSONA_COLORS, type Persona, PersonaSchema } from './entities/persona.js'
export { type Stage, StageSchema } from './entities/stage.js'
export {
  type Content,
  ContentSchema,
  type Evidence,
  EvidenceSchema,
  type Kpi,
  KpiSchema,
  type Position,
  PositionSchema,
  type Touchpoint,
  TouchpointSchema,
} from './entities/touchpoint.js'
export { type Vote, VoteSchema } from './entities/vote.js'
export { type ExportOptions, exportJourney } from './json/export-journey.js'
export { type ImportResult, importJourney } from './json/import-journey.js'
export { JSON_MIGRATIONS, type JsonMigration, type MigrateResult, migrate } from './json/migrate.js'
export {
  MAX_ISSUES,
  type ValidationResult,
  validateJourneyExport,
} from './json/validate-journey-export.js'
export { type JourneySummary, summarizeJourney } from './summarize-journey.js'
