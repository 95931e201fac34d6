/** The review as GET /review answers it, to the depth the tests look into it. */
export interface TestReview {
  votes: unknown[]
  /** Session id to the ids of the people who voted in it. */
  voters: Record<string, string[]>
}

/** Direct REST calls for setting up and checking tests, bypassing the UI. */
export interface TestApi {
  createJourney(title: string, template?: string): Promise<string>
  /** Imports a journey file (the export format); returns the new journey's id. */
  importJourney(file: unknown): Promise<string>
  exportJourney(id: string): Promise<Record<string, unknown>>
  listTemplates(): Promise<{ id: string; name: string }[]>
  listJourneyIds(): Promise<string[]>
  deleteJourney(id: string): Promise<void>
  /** The review as this token's holder is allowed to see it (hidden votes left out). */
  review(id: string): Promise<TestReview>
}

async function ok(response: Response): Promise<Response> {
  if (!response.ok) {
    throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`)
  }
  return response
}

export function testApi(baseUrl: string, token?: string): TestApi {
  const call = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers)
    if (token) headers.set('authorization', `Bearer ${token}`)
    return ok(await fetch(`${baseUrl}/api${path}`, { ...init, headers }))
  }
  const json = async (path: string, init?: RequestInit): Promise<unknown> =>
    (await call(path, init)).json()
  return {
    async createJourney(title, template) {
      const body = await json('/journeys', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(template ? { title, template } : { title }),
      })
      return (body as { id: string }).id
    },
    async importJourney(file) {
      const body = await json('/journeys/import', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(file),
      })
      return (body as { id: string }).id
    },
    exportJourney: async (id) =>
      (await json(`/journeys/${encodeURIComponent(id)}/export`)) as Record<string, unknown>,
    async listTemplates() {
      const body = await json('/templates')
      const rows = Array.isArray(body) ? body : (body as { templates: unknown }).templates
      return rows as { id: string; name: string }[]
    },
    async listJourneyIds() {
      const body = await json('/journeys')
      const rows = Array.isArray(body) ? body : (body as { journeys: unknown }).journeys
      return (rows as { id: string }[]).map((row) => row.id)
    },
    async deleteJourney(id) {
      await call(`/journeys/${encodeURIComponent(id)}`, { method: 'DELETE' })
    },
    review: async (id) => (await json(`/journeys/${encodeURIComponent(id)}/review`)) as TestReview,
  }
}
