export {
  type ChannelCount,
  type ChannelMix,
  channelMix,
  type StageChannelMix,
} from './analysis/channel-mix.js'
export { type CoverageMatrix, coverageMatrix } from './analysis/coverage-matrix.js'
export {
  type EmotionCurve,
  type EmotionPoint,
  emotionCurve,
  type StageEmotion,
} from './analysis/emotion-curve.js'
export { EMOTIONAL_DROP_POINTS } from './analysis/emotion-rules.js'
export { type Finding, HEALTH_RULES, type HealthRuleId, type Severity } from './analysis/finding.js'
export { healthChecks } from './analysis/health-checks.js'
export { touchpointsInOrder } from './analysis/journey-order.js'
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
  observeJourney,
} from './doc/observe-journey.js'
export { type ReadReuse, readJourney } from './doc/read-journey.js'
export { createJourneyUndoManager, journeyTypes } from './doc/undo-manager.js'
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
export { type GenerateOptions, generateJourney } from './generate-journey.js'
export { type ExportOptions, exportJourney } from './json/export-journey.js'
export { type ImportResult, importJourney } from './json/import-journey.js'
export { JSON_SCHEMA_ID, journeyJsonSchema } from './json/journey-json-schema.js'
export { JSON_MIGRATIONS, type JsonMigration, type MigrateResult, migrate } from './json/migrate.js'
export {
  MAX_ISSUES,
  type ValidationResult,
  validateJourneyExport,
} from './json/validate-journey-export.js'
export {
  addComment,
  type CommentInput,
  editComment,
  removeComment,
  resolveComment,
} from './mutations/comment-mutations.js'
export {
  type ConnectionInput,
  type ConnectionPatch,
  connect,
  removeConnections,
  updateConnection,
} from './mutations/connection-mutations.js'
export { createItem } from './mutations/create-item.js'
export { duplicateTouchpoints } from './mutations/duplicate-touchpoints.js'
export { InvalidInputError } from './mutations/invalid-input-error.js'
export {
  addPersona,
  type PersonaInput,
  removePersona,
  updatePersona,
} from './mutations/persona-mutations.js'
export { type ElementSelection, removeElements } from './mutations/remove-elements.js'
export { removeTouchpoints } from './mutations/remove-touchpoints.js'
export {
  addStage,
  type RemoveStageOptions,
  removeStage,
  reorderStage,
  type StageInput,
  updateStage,
} from './mutations/stage-mutations.js'
export type { StagePlacement } from './mutations/stage-order.js'
export {
  addTouchpoint,
  moveTouchpoints,
  setEmotion,
  type TouchpointInput,
  type TouchpointMove,
  type TouchpointPatch,
  updateTouchpoint,
} from './mutations/touchpoint-mutations.js'
export { type JourneyPatch, updateJourney } from './mutations/update-journey.js'
export { castVote, removeVote, type VoteInput } from './mutations/vote-mutations.js'
export { seededRandom } from './seeded-random.js'
export { type JourneySummary, summarizeJourney } from './summarize-journey.js'
export {
  createJourneyFromTemplate,
  type JourneyTemplate,
  TEMPLATES,
} from './templates/templates.js'
