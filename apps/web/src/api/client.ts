import { errorFromResponse } from './errors.js'
import { parseCreated, parseJourneyList, parseTemplates } from './parse.js'
import type { JourneyListItem, TemplateInfo } from './types.js'

export interface ApiClientOptions {
  /** Origin of the server; the page's own origin when omitted (dev proxy or served build). */
  baseUrl?: string
  /** A share token, sent as a bearer token on every call. */
  token?: string | null
  fetch?: typeof fetch
}

export interface ApiClient {
  health(): Promise<boolean>
  listJourneys(signal?: AbortSignal): Promise<JourneyListItem[]>
  listTemplates(signal?: AbortSignal): Promise<TemplateInfo[]>
  createJourney(input: { title: string; template?: string }): Promise<string>
  /** Sends an export file as is; the server validates it and answers with its issues. */
  importJourney(json: unknown): Promise<string>
  exportJourney(id: string): Promise<unknown>
  deleteJourney(id: string): Promise<void>
}

/** A typed client for the REST API; every failure is an ApiError with the server's message. */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const base = (options.baseUrl ?? '').replace(/\/+$/, '')
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    headers.set('accept', 'application/json')
    if (options.token) headers.set('authorization', `Bearer ${options.token}`)
    const response = await doFetch(`${base}/api${path}`, { ...init, headers })
    if (!response.ok) throw await errorFromResponse(response)
    return response
  }

  async function json(path: string, init?: RequestInit): Promise<unknown> {
    return (await request(path, init)).json()
  }

  function post(path: string, body: unknown): Promise<unknown> {
    return json(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  }

  const journeyPath = (id: string) => `/journeys/${encodeURIComponent(id)}`

  return {
    async health() {
      try {
        await request('/health')
        return true
      } catch {
        return false
      }
    },
    listJourneys: async (signal) =>
      parseJourneyList(await json('/journeys', { signal: signal ?? null })),
    listTemplates: async (signal) =>
      parseTemplates(await json('/templates', { signal: signal ?? null })),
    createJourney: async (input) => parseCreated(await post('/journeys', input)),
    importJourney: async (body) => parseCreated(await post('/journeys/import', body)),
    exportJourney: (id) => json(`${journeyPath(id)}/export`),
    async deleteJourney(id) {
      await request(journeyPath(id), { method: 'DELETE' })
    },
  }
}
