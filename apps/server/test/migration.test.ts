import { SCHEMA_VERSION } from '@touchline/model'
import { describe, expect, it } from 'vitest'
import { synced } from './support/clients.js'
import { integrationScope } from './support/scope.js'
import { seedJourney, storedDoc, tempDataDir, waitFor } from './support/server.js'

const scope = integrationScope()

describe('stored documents are migrated on load', () => {
  it('stamps a document saved before versioning and stores the migration', async () => {
    const dataDir = tempDataDir()
    await seedJourney(dataDir, 'old', 'From before versions', null)
    const server = await scope.server({}, dataDir)
    const client = scope.client(server.syncUrl, 'old')
    await synced(client)
    expect(client.doc.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION)
    expect((await storedDoc(dataDir, 'old')).getMap('meta').get('schemaVersion')).toBe(
      SCHEMA_VERSION,
    )
  })

  it('refuses a document from a newer version with 4422 and leaves it untouched', async () => {
    const dataDir = tempDataDir()
    await seedJourney(dataDir, 'future', 'From the future', SCHEMA_VERSION + 1)
    const server = await scope.server({}, dataDir)
    const client = scope.client(server.syncUrl, 'future')
    await waitFor(() => client.closes.length > 0, 'close')
    expect(client.closes[0]).toBe(4422)
    const exported = await fetch(`${server.url}/api/journeys/future/export`)
    expect(exported.status).toBe(422)
    expect(((await exported.json()) as { error: string }).error).toMatch(/newer|version/i)
    expect((await storedDoc(dataDir, 'future')).getMap('meta').get('schemaVersion')).toBe(
      SCHEMA_VERSION + 1,
    )
  })
})
