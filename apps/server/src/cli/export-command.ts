import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { isJourneyId } from '../storage/journey-id.js'
import { type CliIo, EXIT, type ExitCode, UsageError } from './cli-io.js'
import { callServer, type RemoteOptions, reportFailure } from './server-client.js'

/**
 * `touchline export ID`: writes the live journey as indented JSON with a final newline,
 * so files kept in git produce readable diffs.
 */
export async function exportCommand(
  io: CliIo,
  id: string | undefined,
  options: RemoteOptions & { out?: string },
): Promise<ExitCode> {
  if (id === undefined) throw new UsageError('export needs a journey ID')
  if (!isJourneyId(id)) throw new UsageError(`invalid journey id "${id}"`)
  const reply = await callServer(io, options, `api/journeys/${id}/export`)
  if (!reply.ok) {
    reportFailure(io, 'export', reply)
    return EXIT.failed
  }
  const text = `${JSON.stringify(await reply.response.json(), null, 2)}\n`
  if (options.out === undefined) {
    io.stdout(text)
  } else {
    await writeFile(resolve(io.cwd, options.out), text)
    io.stderr(`exported journey ${id} to ${options.out}\n`)
  }
  return EXIT.ok
}
