import { afterAll, describe, expect, it } from 'vitest'
import { connectClient, sameState, synced } from './support/clients.js'
import {
  eventually,
  removeTempDirs,
  seedLongLog,
  startTestServer,
  storedDoc,
  storedForm,
  tempDataDir,
  waitFor,
} from './support/server.js'

afterAll(removeTempDirs)

describe('a journey with a long update log', () => {
  it('loads 100,000 stored updates for a client, then compacts them away', async () => {
    const dataDir = tempDataDir()
    const expected = await seedLongLog(dataDir, 'long', 100_000)
    expect((await storedForm(dataDir, 'long')).updates).toHaveLength(100_000)
    const server = await startTestServer({ TOUCHLINE_COMPACTION_THRESHOLD: '500' }, dataDir)
    const client = connectClient(server.syncUrl, 'long')
    try {
      await synced(client)
      await waitFor(() => sameState(client.doc, expected), 'the full state', 30_000)
      expect(client.doc.getMap('touchpoints').get('t299')).toBe(99_899)

      // The load found the log over the threshold and compacted it in the background.
      await eventually(
        async () => (await storedForm(dataDir, 'long')).snapshot !== null,
        'compaction',
      )
      const compacted = await storedForm(dataDir, 'long')
      expect(compacted.snapshot).not.toBeNull()
      expect(compacted.updates).toHaveLength(0)
      expect(sameState(await storedDoc(dataDir, 'long'), expected)).toBe(true)
    } finally {
      client.destroy()
      await server.close()
    }
  }, 60_000)
})
