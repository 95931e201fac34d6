import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { digestJourneyDoc } from './journey-digest.js'
import { describeJourneyStore, newJourney } from './journey-store.contract.js'
import { SqliteJourneyStore } from './sqlite-store.js'
import { docFromStored } from './stored-doc.js'

const dirs: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'touchline-sqlite-'))
  dirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

let current = ''
describeJourneyStore('SqliteJourneyStore', {
  open: async (now) => {
    current = tempDir()
    return SqliteJourneyStore.open(current, { now })
  },
  reopen: async (now) => SqliteJourneyStore.open(current, { now }),
})

describe('SqliteJourneyStore on disk', () => {
  it('uses WAL mode in touchline.db inside the data directory', async () => {
    const dir = join(tempDir(), 'nested', 'data')
    const store = SqliteJourneyStore.open(dir)
    await store.create(newJourney('w', 'WAL').journey)
    await store.close()
    const db = new Database(join(dir, 'touchline.db'), { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
  })

  it('loads a journey with 100,000 stored updates', async () => {
    const dir = tempDir()
    const store = SqliteJourneyStore.open(dir)
    const { journey, doc } = newJourney('big', 'Big')
    await store.create(journey)
    const touchpoints = doc.getMap('touchpoints')
    const pending: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => pending.push(update))
    for (let i = 0; i < 100_000; i++) {
      touchpoints.set(`t${i % 500}`, i)
      if (pending.length === 10_000)
        await store.append('big', pending.splice(0), digestJourneyDoc(doc))
    }
    await store.append('big', pending.splice(0), digestJourneyDoc(doc))
    await store.close()

    const reopened = SqliteJourneyStore.open(dir)
    const stored = await reopened.load('big')
    expect(stored?.updates.length).toBe(100_001)
    const loaded = docFromStored(stored ?? { snapshot: null, updates: [] })
    expect(loaded.getMap('touchpoints').get('t499')).toBe(99_999)
    expect(Y.encodeStateVector(loaded)).toEqual(Y.encodeStateVector(doc))

    await reopened.compact('big')
    const compacted = await reopened.load('big')
    expect(compacted?.updates).toEqual([])
    const fromSnapshot = docFromStored(compacted ?? { snapshot: null, updates: [] })
    expect(Y.encodeStateAsUpdate(fromSnapshot)).toEqual(Y.encodeStateAsUpdate(loaded))
    await reopened.close()
  })
})
