import { useCallback, useState } from 'react'
import type { ApiClient } from '../api/client.js'
import { ApiError, type ApiIssue, describeError } from '../api/errors.js'
import { readImportFile } from './read-import-file.js'

export interface ImportFailure {
  fileName: string
  message: string
  issues: ApiIssue[]
}

export interface ImportState {
  busy: boolean
  failure: ImportFailure | null
  importFile: (file: File) => Promise<string | null>
  dismiss: () => void
}

/** Uploads a journey file and keeps the server's list of problems when it is refused. */
export function useImport(api: ApiClient): ImportState {
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<ImportFailure | null>(null)

  const importFile = useCallback(
    async (file: File): Promise<string | null> => {
      setBusy(true)
      setFailure(null)
      try {
        const read = await readImportFile(file)
        if (!read.ok) {
          setFailure({
            fileName: file.name,
            message: 'The file cannot be read.',
            issues: read.issues,
          })
          return null
        }
        return await api.importJourney(read.json)
      } catch (error) {
        setFailure({
          fileName: file.name,
          message:
            error instanceof ApiError && error.issues.length > 0
              ? 'This file is not a valid Touchline journey.'
              : describeError(error),
          issues: error instanceof ApiError ? [...error.issues] : [],
        })
        return null
      } finally {
        setBusy(false)
      }
    },
    [api],
  )

  return { busy, failure, importFile, dismiss: () => setFailure(null) }
}
