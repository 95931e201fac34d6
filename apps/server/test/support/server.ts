import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SCHEMA_VERSION } from '@touchline/model'
import * as Y from 'yjs'
import { loadConfig, type ServerConfig } from '../../src/config.js'
import { type RunningServer, startServer } from '../../src/server.js'
import { digestJourneyDoc } from '../../src/storage/journey-digest.js'
import type { JourneyStore } from '../../src/storage/journey-store.js'
import { SqliteJourneyStore } from '../../src/storage/sqlite-store.js'
import { docFromStored } from '../../src/storage/stored-doc.js'

const created: string[] = []

/** A fresh data directory, removed by `removeTempDirs`. */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'touchline-test-'))
  created.push(dir)
  return dir
}

export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true })
}

export type TestServer = RunningServer & { dataDir: string; syncUrl: string }

/**
 * The stores of the in-process test servers running now, by data directory: the SQLite
 * file is locked to the store that has it open, so tests read and seed through it.
 */
const serving = new Map<string, JourneyStore>()

/** The real server, in process, on a free loopback port, with SQLite in a temp dir. */
export async function startTestServer(
  env: Record<string, string> = {},
  dataDir = tempDataDir(),
  overrides: Partial<ServerConfig> = {},
): Promise<TestServer> {
  const config = {
    ...loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      TOUCHLINE_DATA_DIR: dataDir,
      TOUCHLINE_WEB_DIST: join(dataDir, 'no-web-build'),
      LOG_LEVEL: 'silent',
      ...env,
    }),
    ...overrides,
  }
  // Opened here rather than by the server, so that tests can read and seed through it.
  const store =
    config.storage === 'sqlite' ? await SqliteJourneyStore.open(config.dataDir) : undefined
  if (store) serving.set(dataDir, store)
  const forget = () => {
    if (store && serving.get(dataDir) === store) serving.delete(dataDir)
  }
  let server: RunningServer
  try {
    server = await startServer(config, store ? { store } : {})
  } catch (error) {
    forget()
    throw error
  }
  const close = async () => {
    await server.close()
    forget()
  }
  return { ...server, close, dataDir, syncUrl: `${server.url.replace(/^http/, 'ws')}/sync` }
}

/** Runs `use` on the running test server's store, or on the SQLite file opened for it. */
async function withStore<T>(dataDir: string, use: (store: JourneyStore) => Promise<T>) {
  const running = serving.get(dataDir)
  if (running) return use(running)
  const store = await SqliteJourneyStore.open(dataDir)
  try {
    return await use(store)
  } finally {
    await store.close()
  }
}

/** Creates a journey straight in storage. */
export async function seedJourney(
  dataDir: string,
  id: string,
  title = id,
  schemaVersion: number | null = 1,
): Promise<void> {
  const doc = new Y.Doc()
  doc.getMap('meta').set('title', title)
  if (schemaVersion !== null) doc.getMap('meta').set('schemaVersion', schemaVersion)
  await withStore(dataDir, (store) =>
    store.create({ id, update: Y.encodeStateAsUpdate(doc), ...digestJourneyDoc(doc) }),
  )
}

/** Creates a journey whose log holds `count` small updates, as after a long session. */
export async function seedLongLog(dataDir: string, id: string, count: number): Promise<Y.Doc> {
  const doc = new Y.Doc()
  doc.getMap('meta').set('title', id)
  doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION)
  await withStore(dataDir, async (store) => {
    await store.create({ id, update: Y.encodeStateAsUpdate(doc), ...digestJourneyDoc(doc) })
    const pending: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => pending.push(update))
    for (let i = 1; i < count; i++) {
      doc.getMap('touchpoints').set(`t${i % 300}`, i)
      if (pending.length === 5_000) await store.append(id, pending.splice(0), digestJourneyDoc(doc))
    }
    await store.append(id, pending.splice(0), digestJourneyDoc(doc))
  })
  return doc
}

/** The journey's stored form: snapshot and log. */
export async function storedForm(dataDir: string, id: string) {
  const stored = await withStore(dataDir, (store) => store.load(id))
  if (stored === null) throw new Error(`journey ${id} is not stored`)
  return stored
}

/** The journey as stored on disk right now. */
export async function storedDoc(dataDir: string, id: string): Promise<Y.Doc> {
  return docFromStored(await storedForm(dataDir, id))
}

export async function waitFor(
  condition: () => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Polls an asynchronous check until it passes; for state only visible through storage. */
export async function eventually(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
