/** The `format` field of every exported journey file. */
export const FORMAT = 'touchline.journey'

/** The current version of both the JSON format and the Y.Doc layout. */
export const SCHEMA_VERSION = 2

export const EMOTION_MIN = -3
export const EMOTION_MAX = 3

/**
 * Hard limits, enforced by the schemas (import) and by the mutations (editing), so a
 * journey that opens in one client opens in every client and on the server.
 */
export const LIMITS = {
  touchpoints: 5_000,
  personas: 100,
  stages: 50,
  connections: 20_000,
  /** Comments of a journey (in its review doc). */
  comments: 10_000,
  /** Votes of a journey over all its sessions, hidden ballots included. */
  votes: 50_000,
  voteSessions: 1_000,
  /** Items one vote session asks about. */
  voteItems: 5_000,
  votesPerPerson: 50,
  /** Participants mentioned in one comment. */
  mentions: 50,
  participantName: 40,
  /** Any single string field. */
  stringLength: 10_000,
  /** Ids are opaque, but bounded so they stay cheap as map keys. */
  idLength: 64,
  urlLength: 2_048,
  /** Items in a nested list such as pain points, KPIs, tags or evidence links. */
  listItems: 200,
  metrics: 50,
  /** Nesting depth of an imported JSON value; the format itself needs less than 8. */
  depth: 32,
  /** Size of a JSON text handed to `importJourney` as a string. */
  importBytes: 32 * 1024 * 1024,
} as const

export const CHANNELS = [
  { id: 'website', label: 'Website' },
  { id: 'blog', label: 'Blog' },
  { id: 'newsletter', label: 'Newsletter' },
  { id: 'email', label: 'Email' },
  { id: 'webinar', label: 'Webinar' },
  { id: 'live-event', label: 'Live event' },
  { id: 'community', label: 'Community' },
  { id: 'social', label: 'Social network' },
  { id: 'search', label: 'Search' },
  { id: 'advertising', label: 'Advertising' },
  { id: 'sales-conversation', label: 'Sales conversation' },
  { id: 'contact-centre', label: 'Contact centre' },
  { id: 'product', label: 'Product' },
  { id: 'partner', label: 'Partner' },
  { id: 'analyst-media', label: 'Analyst or media' },
  { id: 'peer-recommendation', label: 'Peer recommendation' },
  { id: 'direct-mail', label: 'Direct mail' },
  { id: 'other', label: 'Other' },
] as const

export type ChannelId = (typeof CHANNELS)[number]['id']
export const CHANNEL_IDS = CHANNELS.map((c) => c.id) as [ChannelId, ...ChannelId[]]

export const PERSONA_ROLES = [
  { id: 'decision-maker', label: 'Decision-maker' },
  { id: 'influencer', label: 'Influencer' },
  { id: 'evaluator', label: 'Evaluator' },
  { id: 'user', label: 'User' },
  { id: 'gatekeeper', label: 'Gatekeeper' },
  { id: 'champion', label: 'Champion' },
  { id: 'middle-manager', label: 'Middle manager' },
  { id: 'thought-leader', label: 'Thought leader' },
  { id: 'media-analyst', label: 'Media or analyst' },
] as const

export type PersonaRole = (typeof PERSONA_ROLES)[number]['id']
export const PERSONA_ROLE_IDS = PERSONA_ROLES.map((r) => r.id) as [PersonaRole, ...PersonaRole[]]

export const CONNECTION_KINDS = [
  { id: 'next', label: 'Next step' },
  { id: 'nurture', label: 'Nurture loop' },
  { id: 'handoff', label: 'Hand-off' },
  { id: 'escalation', label: 'Escalation' },
] as const

export type ConnectionKind = (typeof CONNECTION_KINDS)[number]['id']
export const CONNECTION_KIND_IDS = CONNECTION_KINDS.map((k) => k.id) as [
  ConnectionKind,
  ...ConnectionKind[],
]

export const CONFIDENCE_LEVELS = [
  { id: 'assumed', label: 'Assumed' },
  { id: 'partly-validated', label: 'Partly validated' },
  { id: 'validated', label: 'Validated' },
] as const

export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number]['id']
export const CONFIDENCE_LEVEL_IDS = CONFIDENCE_LEVELS.map((c) => c.id) as [
  ConfidenceLevel,
  ...ConfidenceLevel[],
]

export const CONTENT_TYPES = [
  { id: 'white-paper', label: 'White paper' },
  { id: 'how-to', label: 'How-to guide' },
  { id: 'case-study', label: 'Case study' },
  { id: 'research', label: 'Research report' },
  { id: 'demo', label: 'Demo' },
  { id: 'video', label: 'Video' },
  { id: 'blog-post', label: 'Blog post' },
  { id: 'webinar', label: 'Webinar' },
  { id: 'event', label: 'Event' },
  { id: 'ebook', label: 'E-book' },
  { id: 'checklist', label: 'Checklist or template' },
  { id: 'calculator', label: 'Calculator or tool' },
  { id: 'proposal', label: 'Proposal or contract' },
  { id: 'documentation', label: 'Documentation' },
  { id: 'training', label: 'Training' },
  { id: 'other', label: 'Other' },
] as const

export type ContentType = (typeof CONTENT_TYPES)[number]['id']
export const CONTENT_TYPE_IDS = CONTENT_TYPES.map((c) => c.id) as [ContentType, ...ContentType[]]

/** The stages of a new journey: the B2B demand-generation funnel through to renewal. */
export const DEFAULT_STAGES = [
  'Awareness',
  'Consideration',
  'Evaluation',
  'Purchase',
  'Onboarding',
  'Adoption',
  'Advocacy & renewal',
] as const

/** Stage names that mark the buying decision, for the "stops at purchase" health rule. */
export const PURCHASE_STAGE_PATTERN = /\b(purchase|buy|buying|closed?|contract|decision)\b/i

export const ID_PREFIXES = {
  persona: 'pe',
  stage: 'st',
  touchpoint: 'tp',
  connection: 'cn',
  comment: 'cm',
  vote: 'vo',
  voteSession: 'vs',
  item: 'it',
} as const
