import { useCallback } from 'react'
import { describeError } from '../api/errors'
import { useEditor } from '../journey/store/editor-context'

/**
 * Runs a review request from a click and tells the person when the server refused it (a
 * session that just ended, a budget used up), in the editor's notice, instead of failing
 * silently in an event handler.
 */
export function useReportFailure(): (request: Promise<unknown>) => void {
  const { store } = useEditor()
  return useCallback(
    (request) => {
      request.catch((error: unknown) => store.setState({ notice: describeError(error) }))
    },
    [store],
  )
}
