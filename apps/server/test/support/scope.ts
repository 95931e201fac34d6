import { afterAll, afterEach } from 'vitest'
import type { ServerConfig } from '../../src/config.js'
import { type Client, connectClient } from './clients.js'
import { removeTempDirs, startTestServer, type TestServer, tempDataDir } from './server.js'

export type IntegrationScope = {
  /** A stock client, destroyed after the test. */
  client(syncUrl: string, journeyId: string, params?: Record<string, string>): Client
  /** The real server in process, closed after the test. */
  server(
    env?: Record<string, string>,
    dataDir?: string,
    overrides?: Partial<ServerConfig>,
  ): Promise<TestServer>
  /** Destroys this test's clients now (closing is idempotent, so later cleanup is safe). */
  destroyClients(): void
}

/**
 * The cleanup every integration test file needs: clients and servers a test opened are
 * closed after it, even when it fails, and the temporary data dirs after the file.
 */
export function integrationScope(): IntegrationScope {
  const clients: Client[] = []
  const servers: TestServer[] = []
  const destroyClients = () => {
    for (const c of clients.splice(0)) c.destroy()
  }
  afterEach(async () => {
    destroyClients()
    for (const s of servers.splice(0)) await s.close()
  })
  afterAll(removeTempDirs)
  return {
    client(syncUrl, journeyId, params) {
      const created = connectClient(syncUrl, journeyId, { params })
      clients.push(created)
      return created
    },
    async server(env = {}, dataDir = tempDataDir(), overrides = {}) {
      const started = await startTestServer(env, dataDir, overrides)
      servers.push(started)
      return started
    },
    destroyClients,
  }
}
