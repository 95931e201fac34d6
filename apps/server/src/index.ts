export { type Auth, createAuth, type Role } from './auth/index.js'
export { ConfigError, loadConfig, type ServerConfig, type StorageKind } from './config.js'
export { createLogger, type Logger } from './log.js'
export { type FanOut, type JourneyDocs, LocalFanOut, RoomRegistry } from './rooms/index.js'
export { type RunningServer, type ServerParts, startServer } from './server.js'
export { digestJourneyDoc } from './storage/journey-digest.js'
export { isJourneyId, JOURNEY_ID_PATTERN, newJourneyId } from './storage/journey-id.js'
export type {
  JourneyCounts,
  JourneyStore,
  JourneySummary,
  NewJourney,
  StoredJourney,
} from './storage/journey-store.js'
export { MemoryJourneyStore } from './storage/memory-store.js'
export { SqliteJourneyStore } from './storage/sqlite-store.js'
export { CLOSE_CODES } from './sync/close-codes.js'
