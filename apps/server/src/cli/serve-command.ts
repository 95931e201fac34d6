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
  let server: Awaited<ReturnType<typeof startServer>>
  try {
    server = await startServer(config)
  } catch (error) {
    const where = `${config.host}:${config.port}`
    const hints: Record<string, string> = {
      EADDRINUSE: `${where} is already in use: stop the other process or set PORT`,
      EACCES: `not allowed to listen on ${where}: choose a PORT above 1023`,
      EADDRNOTAVAIL: `${config.host} is not an address of this machine: check HOST`,
    }
    const hint = hints[(error as NodeJS.ErrnoException).code ?? '']
    if (hint === undefined) throw error
    io.stderr(`touchline serve: ${hint}\n`)
    return EXIT.failed
  }
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
