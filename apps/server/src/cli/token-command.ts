import { createAuth, isRole, parseTtl, ROLES } from '../auth/index.js'
import { isJourneyId } from '../storage/journey-id.js'
import { type CliIo, EXIT, type ExitCode, UsageError } from './cli-io.js'

export type TokenOptions = { journey?: string; role?: string; ttl?: string }

/** `touchline token`: prints a token on stdout (so it can be captured) and its expiry on stderr. */
export function tokenCommand(io: CliIo, options: TokenOptions): ExitCode {
  const { journey, role } = options
  if (journey === undefined) throw new UsageError('token needs --journey ID (or --journey "*")')
  if (journey !== '*' && !isJourneyId(journey)) {
    throw new UsageError(`invalid journey id "${journey}": 1 to 64 letters, digits, "_" or "-"`)
  }
  if (!isRole(role)) throw new UsageError(`token needs --role ${ROLES.join('|')}`)
  const ttl = parseTtl(options.ttl ?? '7d')
  if ('error' in ttl) throw new UsageError(ttl.error)
  const secret = io.env.TOUCHLINE_SECRET?.trim()
  if (!secret) {
    io.stderr('touchline token: TOUCHLINE_SECRET is not set; use the same secret as the server\n')
    return EXIT.usage
  }
  let auth: ReturnType<typeof createAuth>
  try {
    auth = createAuth({ secret, host: '127.0.0.1' })
  } catch (error) {
    io.stderr(`touchline token: ${error instanceof Error ? error.message : String(error)}\n`)
    return EXIT.usage
  }
  const { token, expiresAt } = auth.mint(journey, role, ttl.seconds)
  io.stdout(`${token}\n`)
  io.stderr(
    `${role} token for ${journey === '*' ? 'every journey' : `journey ${journey}`}, expires ${new Date(expiresAt * 1000).toISOString()}\n`,
  )
  return EXIT.ok
}
