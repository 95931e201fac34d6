import { ConfigError, loadConfig } from '../config.js'
import { startServer } from '../server.js'
import { type CliIo, EXIT, type ExitCode } from './cli-io.js'

/**
 * `touchline serve`: runs until SIGTERM or SIGINT, then stops accepting, flushes every
 * room, closes the database and resolves with 0.
 */
export async function serveCommand(io: CliIo): Promise<ExitCode> {
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig(io.env, io.cwd)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    io.stderr(`touchline serve: ${error.message}\n`)
    return EXIT.usage
  }
  const server = await startServer(config)
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', () => resolve())
    process.once('SIGINT', () => resolve())
  })
  // A second signal while flushing means "now": leave at once rather than hang.
  const force = () => process.exit(EXIT.failed)
  process.once('SIGTERM', force)
  process.once('SIGINT', force)
  await server.close()
  return EXIT.ok
}
