import { SCHEMA_VERSION } from '@touchline/model'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { type Client, connectClient, synced } from './support/clients.js'
import {
  removeTempDirs,
  seedJourney,
  startTestServer,
  storedDoc,
  type TestServer,
  tempDataDir,
  waitFor,
} from './support/server.js'

const clients: Client[] = []
let server: TestServer | null = null

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server?.close()
  server = null
})
afterAll(removeTempDirs)

describe('stored documents are migrated on load', () => {
  it('stamps a document saved before versioning and stores the migration', async () => {
    const dataDir = tempDataDir()
    await seedJourney(dataDir, 'old', 'From before versions', null)
    server = await startTestServer({}, dataDir)
    const client = connectClient(server.syncUrl, 'old')
    clients.push(client)
    await synced(client)
    expect(client.doc.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION)
    expect((await storedDoc(dataDir, 'old')).getMap('meta').get('schemaVersion')).toBe(
      SCHEMA_VERSION,
    )
  })

  it('refuses a document from a newer version with 4422 and leaves it untouched', async () => {
    const dataDir = tempDataDir()
    await seedJourney(dataDir, 'future', 'From the future', SCHEMA_VERSION + 1)
    server = await startTestServer({}, dataDir)
    const client = connectClient(server.syncUrl, 'future')
    clients.push(client)
    await waitFor(() => client.closes.length > 0, 'close')
    expect(client.closes[0]).toBe(4422)
    expect((await storedDoc(dataDir, 'future')).getMap('meta').get('schemaVersion')).toBe(
      SCHEMA_VERSION + 1,
    )
  })
})
