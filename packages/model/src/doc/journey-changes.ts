import type { CollectionName } from './layout.js'

/** What one transaction changed: ids per collection (added, updated or removed). */
export type JourneyChanges = {
  readonly [K in CollectionName]: ReadonlySet<string>
} & {
  /** True when any journey field in `meta` changed. */
  readonly meta: boolean
  /** The transaction's origin, e.g. to tell local edits from remote ones. */
  readonly origin: unknown
  readonly local: boolean
}
