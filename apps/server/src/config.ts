import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { authConfigError } from './auth/index.js'
import { isSchemaName } from './storage/postgres-schema.js'

export type StorageKind = 'sqlite' | 'memory' | 'postgres'
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

export type ServerConfig = {
  /** 0 picks a free port (tests). */
  port: number
  host: string
  /** Absolute; the SQLite file is `touchline.db` inside it. */
  dataDir: string
  storage: StorageKind
  /** PostgreSQL connection URL; set exactly when `storage` is `postgres`. */
  databaseUrl: string | undefined
  /** PostgreSQL schema holding the tables, so several deployments can share a database. */
  postgresSchema: string
  /**
   * Redis URL for fan-out between instances; undefined: this process is the only instance
   * (fan-out stays in memory).
   */
  redisUrl: string | undefined
  /** Undefined: no tokens (loopback only). */
  secret: string | undefined
  /**
   * Browser origins allowed to open sockets. Empty: same-origin pages only (the Origin's
   * host equals the Host header). `*` allows every origin. Clients that send no Origin
   * (non-browser tools) are not subject to the list: it exists to stop other web pages.
   */
  origins: readonly string[]
  maxMessageBytes: number
  /** Absolute path of the built web app. */
  webDist: string
  logLevel: LogLevel
  /** Open sockets allowed from one remote address. */
  maxConnectionsPerIp: number
  /**
   * Behind a reverse proxy every socket comes from the proxy's address; with this set, the
   * client address is the last one the proxy added to `X-Forwarded-For`.
   */
  trustProxy: boolean
  /** Token bucket per socket: sustained messages per second and burst size. */
  rateLimit: { perSecond: number; burst: number }
  /** How long an empty room stays in memory before it is unloaded. */
  roomIdleMs: number
  /** Log length (stored updates) above which a journey is compacted into a snapshot. */
  compactionThreshold: number
  /** Largest awareness state (JSON bytes) one client may publish. */
  maxAwarenessBytes: number
  /** Sockets are pinged this often; one that misses a whole interval is cut off. */
  heartbeatMs: number
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n- ${problems.join('\n- ')}`)
    this.name = 'ConfigError'
  }
}

const LOG_LEVELS: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
]

const MIB = 1024 * 1024

/** apps/server, whether this runs from src/ (tests, tsx) or dist/ (node). */
const SERVER_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..')

type Env = Readonly<Record<string, string | undefined>>

/**
 * Reads and validates every setting at once, so a misconfigured server says everything
 * that is wrong in one go instead of one problem per restart.
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): ServerConfig {
  const problems: string[] = []
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim()
    return value === undefined || value === '' ? undefined : value
  }
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name)
    if (raw === undefined) return fallback
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`)
      return fallback
    }
    return Number(raw)
  }

  const port = integer('PORT', 8787, 0, 65535)
  const host = text('HOST') ?? '127.0.0.1'
  const dataDir = resolve(cwd, text('TOUCHLINE_DATA_DIR') ?? './data')

  const storageRaw = text('TOUCHLINE_STORAGE') ?? 'sqlite'
  let storage: StorageKind = 'sqlite'
  if (storageRaw === 'sqlite' || storageRaw === 'memory' || storageRaw === 'postgres') {
    storage = storageRaw
  } else {
    problems.push(`TOUCHLINE_STORAGE must be "sqlite", "memory" or "postgres", got "${storageRaw}"`)
  }

  const databaseUrl = text('DATABASE_URL')
  const redisUrl = text('REDIS_URL')
  const postgresSchema = text('TOUCHLINE_PG_SCHEMA') ?? 'touchline'
  if (storage === 'postgres') {
    if (databaseUrl === undefined) {
      problems.push(
        'DATABASE_URL is required with TOUCHLINE_STORAGE=postgres, e.g. postgres://user:password@db.example.com:5432/touchline',
      )
    } else if (!hasProtocol(databaseUrl, ['postgres:', 'postgresql:'])) {
      problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL')
    }
    // Instances that share storage but not fan-out would each show their own clients a
    // different live document until the next reload.
    if (redisUrl === undefined) {
      problems.push(
        'REDIS_URL is required with TOUCHLINE_STORAGE=postgres, so that several instances relay live changes to each other, e.g. redis://redis.example.com:6379',
      )
    }
    if (!isSchemaName(postgresSchema)) {
      problems.push(
        `TOUCHLINE_PG_SCHEMA must be lower-case letters, digits and _ (not starting with a digit, at most 63), got "${postgresSchema}"`,
      )
    }
  }
  if (redisUrl !== undefined && !hasProtocol(redisUrl, ['redis:', 'rediss:'])) {
    problems.push('REDIS_URL must be a redis:// or rediss:// URL')
  }
  // Redis joins instances that share storage. Embedded storage belongs to one instance (the
  // SQLite file is locked to it), whose rooms rely on being the only writer.
  if (redisUrl !== undefined && (storageRaw === 'sqlite' || storageRaw === 'memory')) {
    const chosen = text('TOUCHLINE_STORAGE') === undefined ? 'sqlite (the default)' : storageRaw
    problems.push(
      `REDIS_URL is set but TOUCHLINE_STORAGE is ${chosen}, which belongs to one server instance: to run several, set TOUCHLINE_STORAGE=postgres and DATABASE_URL; otherwise unset REDIS_URL`,
    )
  }

  const secret = text('TOUCHLINE_SECRET')
  const authProblem = authConfigError({ secret, host })
  if (authProblem !== null) problems.push(authProblem)

  const origins = (text('TOUCHLINE_ORIGINS') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '')
  for (const origin of origins) {
    if (origin !== '*' && !isOrigin(origin)) {
      problems.push(
        `TOUCHLINE_ORIGINS entries must look like https://example.com (scheme://host[:port]), got "${origin}"`,
      )
    }
  }

  const maxMessageBytes = integer('TOUCHLINE_MAX_MESSAGE_BYTES', 8 * MIB, 1024, 512 * MIB)
  const webDist = resolve(cwd, text('TOUCHLINE_WEB_DIST') ?? resolve(SERVER_ROOT, '../web/dist'))

  const levelRaw = (text('LOG_LEVEL') ?? (env.VITEST ? 'silent' : 'info')).toLowerCase()
  let logLevel: LogLevel = 'info'
  if ((LOG_LEVELS as readonly string[]).includes(levelRaw)) logLevel = levelRaw as LogLevel
  else problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${levelRaw}"`)

  const maxConnectionsPerIp = integer('TOUCHLINE_MAX_CONNECTIONS_PER_IP', 64, 1, 100_000)
  const trustProxyRaw = (text('TOUCHLINE_TRUST_PROXY') ?? 'false').toLowerCase()
  const trustProxy = trustProxyRaw === 'true' || trustProxyRaw === '1'
  if (!['true', '1', 'false', '0'].includes(trustProxyRaw)) {
    problems.push(`TOUCHLINE_TRUST_PROXY must be true or false, got "${trustProxyRaw}"`)
  }
  const perSecond = integer('TOUCHLINE_RATE_LIMIT', 200, 1, 1_000_000)
  const roomIdleMs = integer('TOUCHLINE_ROOM_IDLE_MS', 30_000, 0, 86_400_000)
  const compactionThreshold = integer('TOUCHLINE_COMPACTION_THRESHOLD', 500, 1, 10_000_000)

  if (problems.length > 0) throw new ConfigError(problems)
  return {
    port,
    host,
    dataDir,
    storage,
    databaseUrl: storage === 'postgres' ? databaseUrl : undefined,
    postgresSchema,
    redisUrl,
    secret,
    origins,
    maxMessageBytes,
    webDist,
    logLevel,
    maxConnectionsPerIp,
    trustProxy,
    // A burst of five seconds' worth absorbs a reconnect's catch-up without letting a
    // runaway client flood a room for long.
    rateLimit: { perSecond, burst: perSecond * 5 },
    roomIdleMs,
    compactionThreshold,
    maxAwarenessBytes: 64 * 1024,
    heartbeatMs: 30_000,
  }
}

/** Checked without echoing the value: connection URLs usually carry a password. */
function hasProtocol(value: string, protocols: readonly string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol)
  } catch {
    return false
  }
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value
  } catch {
    return false
  }
}
