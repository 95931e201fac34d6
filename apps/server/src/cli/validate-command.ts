import { readFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { type Issue, importJourney, LIMITS, summarizeJourney } from '@touchline/model'
import { type CliIo, EXIT, type ExitCode, UsageError } from './cli-io.js'

type FileResult =
  | { file: string; ok: true; summary: ReturnType<typeof summarizeJourney> }
  | { file: string; ok: false; issues: Issue[] }

const TOO_LARGE = `file is larger than ${LIMITS.importBytes} bytes`

/** Standard input, read whole but never beyond the import limit. */
async function readStdin(io: CliIo): Promise<string | null> {
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of io.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
    size += buffer.byteLength
    if (size > LIMITS.importBytes) return null
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function parse(text: string): { ok: true; value: unknown } | { ok: false; issues: Issue[] } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    const message = `not valid JSON: ${error instanceof Error ? error.message : String(error)}`
    return { ok: false, issues: [{ path: '', message }] }
  }
}

/** Why a file could not be judged at all, phrased as a model issue at the root. */
async function readJson(
  path: string,
): Promise<{ ok: true; value: unknown } | { ok: false; issues: Issue[] }> {
  const root = (message: string) => ({ ok: false as const, issues: [{ path: '', message }] })
  const info = await stat(path).catch(() => null)
  if (!info?.isFile()) return root('file not found')
  if (info.size > LIMITS.importBytes) return root(TOO_LARGE)
  return parse(await readFile(path, 'utf8'))
}

export async function validateFile(io: CliIo, file: string): Promise<FileResult> {
  let json: Awaited<ReturnType<typeof readJson>>
  if (file === '-') {
    const text = await readStdin(io)
    json = text === null ? { ok: false, issues: [{ path: '', message: TOO_LARGE }] } : parse(text)
  } else {
    json = await readJson(resolve(io.cwd, file))
  }
  if (!json.ok) return { file, ok: false, issues: json.issues }
  const result = importJourney(json.value)
  if (!result.ok) return { file, ok: false, issues: result.issues }
  result.doc.destroy()
  return { file, ok: true, summary: summarizeJourney(result.journey) }
}

/** `touchline validate FILE... [--json]`: for teams keeping journeys in git and CI. */
export async function validateCommand(
  io: CliIo,
  files: string[],
  json: boolean,
): Promise<ExitCode> {
  if (files.length === 0) throw new UsageError('validate needs at least one FILE')
  const results: FileResult[] = []
  for (const file of files) results.push(await validateFile(io, file))
  if (json) {
    io.stdout(`${JSON.stringify(results, null, 2)}\n`)
  } else {
    for (const result of results) {
      if (result.ok) {
        const s = result.summary
        io.stdout(
          `${result.file}: valid ("${s.title}": ${s.personas} personas, ${s.stages} stages, ${s.touchpoints} touchpoints, ${s.connections} connections)\n`,
        )
      } else {
        const count = result.issues.length
        io.stdout(`${result.file}: ${count} issue${count === 1 ? '' : 's'}\n`)
        for (const issue of result.issues)
          io.stdout(`  ${issue.path || '(file)'}: ${issue.message}\n`)
      }
    }
  }
  return results.every((r) => r.ok) ? EXIT.ok : EXIT.failed
}
