import { readFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { LIMITS } from '@touchline/model'
import { type CliIo, EXIT, type ExitCode, UsageError } from './cli-io.js'
import { callServer, type RemoteOptions, reportFailure, serverUrl } from './server-client.js'

/** `touchline import FILE`: the server validates; its issues are printed as they come. */
export async function importCommand(
  io: CliIo,
  file: string | undefined,
  options: RemoteOptions,
): Promise<ExitCode> {
  if (file === undefined) throw new UsageError('import needs a FILE')
  const path = resolve(io.cwd, file)
  const info = await stat(path).catch(() => null)
  if (!info?.isFile()) {
    io.stderr(`touchline import: ${file}: file not found\n`)
    return EXIT.failed
  }
  if (info.size > LIMITS.importBytes) {
    io.stderr(`touchline import: ${file} is larger than ${LIMITS.importBytes} bytes\n`)
    return EXIT.failed
  }
  const reply = await callServer(io, options, 'api/journeys/import', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: await readFile(path),
  })
  if (!reply.ok) {
    reportFailure(io, 'import', reply)
    return EXIT.failed
  }
  const { id } = (await reply.response.json()) as { id: string }
  io.stdout(`${id}\n`)
  io.stderr(`imported ${file}: ${serverUrl(io, options, `j/${id}`).href}\n`)
  return EXIT.ok
}
