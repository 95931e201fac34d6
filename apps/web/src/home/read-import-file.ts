import type { ApiIssue } from '../api/errors.js'

export type ReadResult = { ok: true; json: unknown } | { ok: false; issues: ApiIssue[] }

/** Matches the server's default message limit, so an oversized file is refused before upload. */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024

/**
 * Reads a dropped or picked file as JSON. Only what the browser can judge is checked here
 * (size, JSON syntax); whether it is a valid journey is the server's call, which answers with
 * the model's own issues.
 */
export async function readImportFile(file: File): Promise<ReadResult> {
  if (file.size > MAX_IMPORT_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1)
    return {
      ok: false,
      issues: [{ path: '', message: `The file is ${mb} MB; journeys up to 8 MB can be imported.` }],
    }
  }
  const text = await file.text()
  if (!text.trim()) return { ok: false, issues: [{ path: '', message: 'The file is empty.' }] }
  try {
    return { ok: true, json: JSON.parse(text) }
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : ''
    return {
      ok: false,
      issues: [{ path: '', message: `This is not a JSON file${detail}.` }],
    }
  }
}

/** Only one file can be imported at a time; a drop of several is refused with a reason. */
export function pickImportFile(files: FileList | readonly File[]): File | string {
  const list = Array.from(files)
  if (list.length === 0) return 'Drop a .json journey file to import it.'
  if (list.length > 1) return 'Drop one journey file at a time.'
  const [file] = list
  return file ?? 'Drop a .json journey file to import it.'
}
