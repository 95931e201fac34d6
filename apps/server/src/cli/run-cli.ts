import { parseArgs } from 'node:util'
import { type CliIo, EXIT, type ExitCode, UsageError } from './cli-io.js'
import { exportCommand } from './export-command.js'
import { importCommand } from './import-command.js'
import { tokenCommand } from './token-command.js'
import { USAGE } from './usage.js'
import { validateCommand } from './validate-command.js'

const OPTIONS = {
  server: { type: 'string' },
  token: { type: 'string' },
  out: { type: 'string' },
  journey: { type: 'string' },
  role: { type: 'string' },
  ttl: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

type OptionName = keyof typeof OPTIONS

/** Which options each command understands; anything else is a mistake worth reporting. */
const ALLOWED: Record<string, readonly OptionName[]> = {
  serve: [],
  validate: ['json'],
  import: ['server', 'token'],
  export: ['server', 'token', 'out'],
  token: ['journey', 'role', 'ttl'],
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  try {
    return await dispatch(argv, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`touchline: ${error.message}\nRun "touchline --help" for usage.\n`)
      return EXIT.usage
    }
    throw error
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const { values, positionals } = parsed
  const [command, ...rest] = positionals
  if (values.help || command === undefined || command === 'help') {
    io.stdout(USAGE)
    return command === undefined && !values.help ? EXIT.usage : EXIT.ok
  }
  // Own keys only: "constructor" or "toString" are not commands.
  const allowed = Object.hasOwn(ALLOWED, command) ? ALLOWED[command] : undefined
  if (!allowed) throw new UsageError(`unknown command "${command}"`)
  for (const name of Object.keys(values) as OptionName[]) {
    if (name !== 'help' && !allowed.includes(name)) {
      throw new UsageError(`${command} does not take --${name}`)
    }
  }
  const onePositional = () => {
    if (rest.length > 1) throw new UsageError(`${command} takes one argument, got ${rest.length}`)
    return rest[0]
  }
  switch (command) {
    case 'serve':
      if (rest.length > 0)
        throw new UsageError('serve takes no arguments: configure it with environment variables')
      // Loaded on demand: the tools should not pay for SQLite and the socket server.
      return (await import('./serve-command.js')).serveCommand(io)
    case 'validate':
      return validateCommand(io, rest, values.json === true)
    case 'import':
      return importCommand(io, onePositional(), values)
    case 'export':
      return exportCommand(io, onePositional(), values)
    default:
      if (rest.length > 0) throw new UsageError('token takes no arguments, only options')
      return tokenCommand(io, values)
  }
}
