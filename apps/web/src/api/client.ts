import type { RegisteredIdentity } from '../collab/identity.js'
import { errorFromResponse } from './errors.js'
import { parseCreated, parseIdentity, parseJourneyList, parseTemplates } from './parse.js'
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
  /** Asks the server for an id and a signed token for this name and colour. */
  registerIdentity(profile: { name: string; color: string }): Promise<RegisteredIdentity>
}

/** Sends `path` (under `/api`) and answers the response, or throws the server's ApiError. */
export type ApiRequest = (path: string, init?: RequestInit) => Promise<Response>

/** The one way this app calls its server: the access token as a bearer token, JSON errors. */
export function createApiRequest(options: ApiClientOptions = {}): ApiRequest {
  const base = (options.baseUrl ?? '').replace(/\/+$/, '')
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))
  return async (path, init = {}) => {
    const headers = new Headers(init.headers)
    headers.set('accept', 'application/json')
    if (options.token) headers.set('authorization', `Bearer ${options.token}`)
    const response = await doFetch(`${base}/api${path}`, { ...init, headers })
    if (!response.ok) throw await errorFromResponse(response)
    return response
  }
}

export function jsonBody(body: unknown, init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers)
  headers.set('content-type', 'application/json')
  return { ...init, headers, body: JSON.stringify(body) }
}

export const journeyPath = (id: string) => `/journeys/${encodeURIComponent(id)}`

/** A typed client for the REST API; every failure is an ApiError with the server's message. */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const request = createApiRequest(options)

  async function json(path: string, init?: RequestInit): Promise<unknown> {
    return (await request(path, init)).json()
  }

  function post(path: string, body: unknown): Promise<unknown> {
    return json(path, jsonBody(body, { method: 'POST' }))
  }

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
    registerIdentity: async (profile) => ({
      ...profile,
      ...parseIdentity(await post('/identity', profile)),
    }),
  }
}
