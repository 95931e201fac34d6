import type { Logger } from 'pino'
import type { Auth, Grant } from '../auth/index.js'
import type { IdentityTokens } from '../identity/index.js'
import type { JourneyReview } from '../review/index.js'
import type { JourneyDocs } from '../rooms/journey-docs.js'
import type { JourneyStore } from '../storage/journey-store.js'

/** What route handlers can read from the context once a request has been authorized. */
export type AppEnv = { Variables: { grant: Grant } }

export type HttpDeps = {
  store: JourneyStore
  /** Live documents: exports read edits not yet compacted, deletes close sockets. */
  docs: JourneyDocs
  /** The journeys' live review and private documents, which only the server writes. */
  review: JourneyReview
  /** Signs and checks the participant identities comments and votes carry. */
  identities: IdentityTokens
  auth: Auth
  logger: Logger
  /** The built web app; omitted, only the API is served. */
  webDist?: string
  /** Reported by /api/health; defaults to this package's version. */
  version?: string
  /** Largest journey file accepted by the import; defaults to the model's limit. */
  maxImportBytes?: number
  /** The clock review changes are dated by; injectable for tests. */
  now?: () => Date
}
