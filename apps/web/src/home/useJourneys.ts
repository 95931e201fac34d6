import { useCallback, useEffect, useState } from 'react'
import type { ApiClient } from '../api/client.js'
import { describeError } from '../api/errors.js'
import type { JourneyListItem, TemplateInfo } from '../api/types.js'

export interface JourneysState {
  journeys: JourneyListItem[] | null
  templates: TemplateInfo[]
  error: string | null
  reload: () => void
  /** Removes a row right away after a delete the server confirmed. */
  forget: (id: string) => void
}

const REFRESH_MS = 30_000

/** The journeys and templates for the home page, refreshed when the tab regains focus. */
export function useJourneys(api: ApiClient): JourneysState {
  const [journeys, setJourneys] = useState<JourneyListItem[] | null>(null)
  const [templates, setTemplates] = useState<TemplateInfo[]>([])
  const [error, setError] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)

  const reload = useCallback(() => setGeneration((value) => value + 1), [])

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is the reload trigger
  useEffect(() => {
    const abort = new AbortController()
    api
      .listJourneys(abort.signal)
      .then((list) => {
        setJourneys(list)
        setError(null)
      })
      .catch((cause: unknown) => {
        if (!abort.signal.aborted) setError(describeError(cause))
      })
    return () => abort.abort()
  }, [api, generation])

  useEffect(() => {
    const abort = new AbortController()
    api
      .listTemplates(abort.signal)
      .then(setTemplates)
      .catch(() => {
        // Without templates the page still offers a blank journey; the list error covers outages.
      })
    return () => abort.abort()
  }, [api])

  // Others create and edit journeys too: refresh when the tab comes back and now and then.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') reload()
    }
    const timer = setInterval(onVisible, REFRESH_MS)
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [reload])

  const forget = useCallback((id: string) => {
    setJourneys((list) => list?.filter((journey) => journey.id !== id) ?? null)
  }, [])

  return { journeys, templates, error, reload, forget }
}
