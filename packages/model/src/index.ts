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
export {
  COLLECTIONS,
  type CollectionName,
  LEGACY_COLLECTIONS,
  type LegacyCollectionName,
} from './doc/layout.js'
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
export { formatPath, type Issue } from './entities/issue.js'
export { ITEM_LISTS, type Item, type ItemList, ItemSchema } from './entities/item.js'
export {
  type Journey,
  type JourneyMeta,
  JourneyMetaSchema,
  JourneySchema,
  type SuccessMetric,
  SuccessMetricSchema,
} from './entities/journey.js'
export {
  type ExportedJourney,
  ExportedJourneySchema,
  type JourneyExport,
  JourneyExportSchema,
} from './entities/journey-export.js'
export { type Participant, ParticipantSchema } from './entities/participant.js'
export { PERSONA_COLORS, type Persona, PersonaSchema } from './entities/persona.js'
export { type Priority, PrioritySchema } from './entities/priority.js'
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
export {
  type ExportedVoteSession,
  ExportedVoteSessionSchema,
  VOTE_SESSION_DEFAULTS,
  VOTE_SESSION_STATUSES,
  type Vote,
  type VoteItemRef,
  VoteItemRefSchema,
  type VoteResult,
  VoteResultSchema,
  VoteSchema,
  type VoteSession,
  VoteSessionSchema,
  type VoteSessionSettings,
  VoteSessionSettingsSchema,
  type VoteSessionStatus,
  voteItemKey,
} from './entities/vote-session.js'
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
export { applyVotePriorities } from './review/apply-vote-priorities.js'
export {
  type JourneyLookup,
  journeyLookup,
  type MissingTarget,
  missingAnchorTarget,
  missingItem,
  plainJourneyLookup,
} from './review/journey-lookup.js'
export {
  LEGACY_COLOR,
  LEGACY_SESSION_ID,
  LEGACY_SESSION_TITLE,
  legacyParticipant,
} from './review/legacy-review.js'
export { observeReview } from './review/observe-review.js'
export { type ReviewState, readReview, readVoteSession } from './review/read-review.js'
export { REVIEW_ROLES, type ReviewActor, type ReviewRole } from './review/review-actor.js'
export {
  addReviewComment,
  deleteReviewComment,
  editReviewComment,
  type ReviewCommentInput,
  setCommentResolved,
} from './review/review-comment-mutations.js'
export {
  PRIVATE_MAPS,
  type PrivateMapName,
  REVIEW_MAPS,
  type ReviewMapName,
} from './review/review-layout.js'
export { ReviewRuleError, type ReviewRuleStatus } from './review/review-rule-error.js'
export { seedReviewFromLegacy } from './review/seed-review-from-legacy.js'
export { tallyVotes } from './review/tally-votes.js'
export { castVote, myVotes, withdrawVote } from './review/vote-mutations.js'
export {
  cancelVoteSession,
  revealVoteSession,
  startVoteSession,
  type VoteSessionInput,
} from './review/vote-session-mutations.js'
export { type ReviewData, writeReview } from './review/write-review.js'
export { seededRandom } from './seeded-random.js'
export { type JourneySummary, summarizeJourney } from './summarize-journey.js'
export {
  createJourneyFromTemplate,
  type JourneyTemplate,
  TEMPLATES,
} from './templates/templates.js'
