import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import {
  describeJourneyStore,
  newJourney,
  recordUpdates,
} from '../../test/support/journey-store-contract.js'
import { digestJourneyDoc } from './journey-digest.js'
import { spawnWorker } from './spawn-worker.js'
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
    const store = await SqliteJourneyStore.open(dir)
    await store.create(newJourney('w', 'WAL').journey)
    await store.close()
    const db = new Database(join(dir, 'touchline.db'), { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
  })

  it('keeps the file to itself until closed, refusing a second store by name', async () => {
    const dir = tempDir()
    const first = await SqliteJourneyStore.open(dir)
    expect(first.soleWriter).toBe(true)
    const { journey, doc } = newJourney('mine', 'Mine')
    await first.create(journey)
    await expect(SqliteJourneyStore.open(dir)).rejects.toThrow(
      `${join(dir, 'touchline.db')} is in use by another Touchline server`,
    )
    // Readers, such as an online backup, still get in.
    const reader = new Database(join(dir, 'touchline.db'), { readonly: true })
    expect(reader.prepare('SELECT title FROM journeys').pluck().get()).toBe('Mine')
    reader.close()
    doc.getMap('meta').set('title', 'Still mine')
    await first.append('mine', [Y.encodeStateAsUpdate(doc)], digestJourneyDoc(doc))
    await first.close()

    const second = await SqliteJourneyStore.open(dir)
    expect((await second.get('mine'))?.title).toBe('Still mine')
    await second.close()
  })

  it('completes every compaction of journeys that reach the bound together', async () => {
    const dir = tempDir()
    const store = await SqliteJourneyStore.open(dir)
    const ids = Array.from({ length: 10 }, (_, i) => `room-${i}`)
    for (const id of ids) {
      const { journey, doc } = newJourney(id, id)
      await store.create(journey)
      doc.getMap('meta').set('title', `${id} edited`)
      await store.append(id, [Y.encodeStateAsUpdate(doc)], digestJourneyDoc(doc))
    }
    // More than one commit takes on: the rest follow in later ones, or in `close`.
    await Promise.all(ids.slice(0, 5).map((id) => store.compact(id)))
    const closing = ids.slice(5).map((id) => store.compact(id))
    await store.close()
    await Promise.all(closing)

    const reopened = await SqliteJourneyStore.open(dir)
    for (const id of ids) {
      const stored = await reopened.load(id)
      expect(stored?.updates).toEqual([])
      expect(
        docFromStored(stored ?? { snapshot: null, updates: [], through: 0 })
          .getMap('meta')
          .get('title'),
      ).toBe(`${id} edited`)
    }
    await reopened.close()
  })

  it('hands out positions above everything a snapshot covers, across a restart', async () => {
    const dir = tempDir()
    const first = await SqliteJourneyStore.open(dir)
    const { journey, doc } = newJourney('p', 'Positions')
    await first.create(journey)
    doc.getMap('meta').set('title', 'Before')
    const before = await first.append('p', [Y.encodeStateAsUpdate(doc)], digestJourneyDoc(doc))
    await first.compact('p')
    await first.close()

    const second = await SqliteJourneyStore.open(dir)
    doc.getMap('meta').set('title', 'After')
    const after = await second.append('p', [Y.encodeStateAsUpdate(doc)], digestJourneyDoc(doc))
    expect(after.through).toBeGreaterThan(before.through)
    const stored = await second.load('p')
    expect(stored?.through).toBe(after.through)
    expect(
      docFromStored(stored ?? { snapshot: null, updates: [], through: 0 })
        .getMap('meta')
        .get('title'),
    ).toBe('After')
    await second.close()
  })

  it('loads and compacts a long log in the same state', async () => {
    const dir = tempDir()
    const store = await SqliteJourneyStore.open(dir)
    const { journey, doc } = newJourney('long', 'Long')
    await store.create(journey)
    const pending: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => pending.push(update))
    for (let i = 0; i < 2_000; i++) doc.getMap('touchpoints').set(`t${i % 50}`, i)
    await store.append('long', pending.splice(0), digestJourneyDoc(doc))
    await store.close()

    const reopened = await SqliteJourneyStore.open(dir)
    const stored = await reopened.load('long')
    expect(stored?.updates.length).toBe(2_001)
    const loaded = docFromStored(stored ?? { snapshot: null, updates: [] })
    expect(Y.encodeStateAsUpdate(loaded)).toEqual(Y.encodeStateAsUpdate(doc))
    await reopened.compact('long')
    const compacted = await reopened.load('long')
    expect(compacted?.updates).toEqual([])
    const fromSnapshot = docFromStored(compacted ?? { snapshot: null, updates: [] })
    expect(Y.encodeStateAsUpdate(fromSnapshot)).toEqual(Y.encodeStateAsUpdate(doc))
    await reopened.close()
  })

  it('loads a snapshot together with log rows it already covers', async () => {
    // The state a compaction would leave if snapshot and log were not replaced atomically:
    // applying covered updates again is harmless, so even that loads correctly.
    const { doc } = newJourney('x', 'Covered')
    const updates = [Y.encodeStateAsUpdate(doc)]
    doc.getMap('personas').set('p', 1)
    updates.push(Y.encodeStateAsUpdate(doc))
    const snapshot = Y.encodeStateAsUpdateV2(doc)
    const loaded = docFromStored({ snapshot, updates })
    expect(Y.encodeStateAsUpdate(loaded)).toEqual(Y.encodeStateAsUpdate(doc))
  })
})

describe('SqliteJourneyStore group commit', () => {
  it('commits the compactions and appends of one turn together; a failed compaction fails alone', async () => {
    const dir = tempDir()
    const store = await SqliteJourneyStore.open(dir)
    const good = newJourney('good', 'Good')
    const bad = newJourney('bad', 'Bad')
    await store.create(good.journey)
    await store.create(bad.journey)
    const updates: Uint8Array[] = []
    good.doc.on('update', (update: Uint8Array) => updates.push(update))
    for (let i = 0; i < 20; i++) good.doc.getMap('meta').set('title', `Good ${i}`)
    await store.append('good', updates.splice(0), digestJourneyDoc(good.doc))
    // A stored update that is not Yjs: compacting this journey from its log must fail.
    await store.append('bad', [new Uint8Array([255, 255, 255, 255])], digestJourneyDoc(bad.doc))
    good.doc.getMap('meta').set('title', 'Good, last')
    const badLog = (await store.load('bad'))?.updates.length

    const results = await Promise.allSettled([
      store.compact('good'),
      store.compact('bad'),
      store.append('good', updates.splice(0), digestJourneyDoc(good.doc)),
    ])
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    await store.close()

    const reopened = await SqliteJourneyStore.open(dir)
    const stored = await reopened.load('good')
    if (!stored) throw new Error('good journey missing')
    // The compaction ran after the append queued in the same turn, so the log holds nothing
    // it left out, and the last title survived.
    expect(stored.updates.length).toBeLessThanOrEqual(1)
    expect(docFromStored(stored).getMap('meta').get('title')).toBe('Good, last')
    expect((await reopened.load('bad'))?.updates.length).toBe(badLog)
    await reopened.close()
  })
})

describe('SqliteJourneyStore worker thread', () => {
  it('answers in the order asked: a read sees a write asked for just before it', async () => {
    const store = await SqliteJourneyStore.open(tempDir())
    const { journey, doc } = newJourney('ordered', 'Ordered')
    const created = store.create(journey)
    const exists = store.exists('ordered')
    doc.getMap('meta').set('title', 'Renamed')
    const appended = store.append('ordered', [Y.encodeStateAsUpdate(doc)], digestJourneyDoc(doc))
    const loaded = store.load('ordered')
    const summary = store.get('ordered')
    await created
    expect(await exists).toBe(true)
    expect((await appended).logLength).toBe(2)
    expect((await loaded)?.updates.length).toBe(2)
    expect((await summary)?.title).toBe('Renamed')
    await store.close()
  })

  it('commits everything asked before close, and refuses what comes after', async () => {
    const dir = tempDir()
    const store = await SqliteJourneyStore.open(dir)
    const { journey, doc } = newJourney('closing', 'Closing')
    await store.create(journey)
    const updates = recordUpdates(doc)
    const appends: Promise<unknown>[] = []
    for (let i = 0; i < 50; i++) {
      doc.getMap('meta').set('title', `Closing ${i}`)
      appends.push(store.append('closing', updates.splice(0), digestJourneyDoc(doc)))
    }
    const compaction = store.compact('closing')
    await store.close()
    await Promise.all([...appends, compaction])
    await expect(store.get('closing')).rejects.toThrow('store closed')
    await store.close()

    const reopened = await SqliteJourneyStore.open(dir)
    const stored = await reopened.load('closing')
    if (!stored) throw new Error('journey lost')
    expect(docFromStored(stored).getMap('meta').get('title')).toBe('Closing 49')
    expect((await reopened.get('closing'))?.title).toBe('Closing 49')
    await reopened.close()
  })

  it('keeps the event loop running while a long commit is written', async () => {
    const store = await SqliteJourneyStore.open(tempDir())
    const { journey, doc } = newJourney('long', 'Long')
    await store.create(journey)
    const updates = recordUpdates(doc)
    for (let i = 0; i < 100_000; i++) doc.getMap('touchpoints').set(`t${i % 100}`, i)
    let ticks = 0
    const ticking = setInterval(() => ticks++, 1)
    try {
      await store.append('long', updates, digestJourneyDoc(doc))
    } finally {
      clearInterval(ticking)
    }
    // Committed on this thread, the 100,000 inserts would allow one tick at most.
    expect(ticks).toBeGreaterThan(5)
    await store.close()
  })
})

describe('SqliteJourneyStore losing its worker', () => {
  it('fails what the lost worker was asked, ends it, and hands everything after to a new one', async () => {
    const workers: Worker[] = []
    const dir = tempDir()
    const store = await SqliteJourneyStore.open(dir, {
      spawn: (moduleUrl, data) => {
        const worker = spawnWorker(moduleUrl, data)
        workers.push(worker)
        return worker
      },
    })
    const { journey, doc } = newJourney('phoenix', 'Phoenix')
    await store.create(journey)
    const first = workers[0]
    if (!first) throw new Error('no worker')
    let firstEnded = false
    first.once('exit', () => {
      firstEnded = true
    })
    const asked = store.load('phoenix')
    // The request goes out at the end of this turn; in the same pass, before any reply can
    // arrive, the thread fails to take a message. It still runs and holds the file.
    await new Promise((resolve) => setImmediate(resolve))
    first.emit('messageerror', new Error('could not deserialize'))
    await expect(asked).rejects.toThrow('the SQLite storage worker stopped: could not deserialize')
    await vi.waitFor(() => expect(firstEnded).toBe(true))

    await vi.waitFor(() => expect(workers).toHaveLength(2))
    doc.getMap('meta').set('title', 'Risen')
    const appended = await store.append(
      'phoenix',
      [Y.encodeStateAsUpdate(doc)],
      digestJourneyDoc(doc),
    )
    expect(appended.logLength).toBe(2)
    expect((await store.get('phoenix'))?.title).toBe('Risen')
    await store.close()
    const reopened = await SqliteJourneyStore.open(dir)
    expect((await reopened.load('phoenix'))?.updates).toHaveLength(2)
    await reopened.close()
  })

  it('answers a read asked before a deletion as the file was before it', async () => {
    const store = await SqliteJourneyStore.open(tempDir())
    const { journey } = newJourney('brief', 'Brief')
    await store.create(journey)
    const [existed, deleted, existsAfter] = await Promise.all([
      store.exists('brief'),
      store.delete('brief'),
      store.exists('brief'),
    ])
    expect([existed, deleted, existsAfter]).toEqual([true, true, false])
    await store.close()
  })
})
