import { afterAll, afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type ChildServer, freePort, startChildServer } from './support/child-server.js'
import { type Client, connectClient, sameState, synced } from './support/clients.js'
import {
  removeTempDirs,
  seedJourney,
  seedLongLog,
  storedDoc,
  storedForm,
  tempDataDir,
  waitFor,
} from './support/server.js'

const KILLS = 10
const clients: Client[] = []
let running: ChildServer | null = null

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  if (running && running.child.exitCode === null && running.child.signalCode === null) {
    running.child.kill('SIGKILL')
    await running.exited
  }
  running = null
})
afterAll(removeTempDirs)

function stock(url: string, id: string): Client {
  const c = connectClient(url, id)
  clients.push(c)
  return c
}

/** Whether every change in `received` is part of `stored`. */
function contains(stored: Y.Doc, received: Y.Doc): boolean {
  return Y.snapshotContainsUpdate(Y.snapshot(stored), Y.encodeStateAsUpdate(received))
}

describe('durability of a real server process', () => {
  it(`loses nothing any client received across ${KILLS} SIGKILLs at random moments`, async () => {
    const dataDir = tempDataDir()
    await seedJourney(dataDir, 'kill', 'Survivor')
    const port = await freePort()
    // A small threshold so kills also land during compactions.
    const env = { TOUCHLINE_COMPACTION_THRESHOLD: '25' }
    running = await startChildServer(dataDir, port, env)
    const writers = [stock(running.syncUrl, 'kill'), stock(running.syncUrl, 'kill')]
    const observer = stock(running.syncUrl, 'kill')
    await Promise.all([...writers, observer].map(synced))

    let counter = 0
    const writing = setInterval(() => {
      for (const [i, writer] of writers.entries()) {
        const n = counter++
        writer.doc.transact(() => {
          writer.doc.getMap('touchpoints').set(`w${i}-${n % 40}`, n)
          writer.doc.getMap('comments').set(`c${n % 100}`, `comment ${n}`)
        })
      }
    }, 10)

    try {
      for (let round = 0; round < KILLS; round++) {
        if (round > 0) running = await startChildServer(dataDir, port, env)
        await Promise.all(writers.map(synced))
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 350))
        running.child.kill('SIGKILL')
        await running.exited
        // Whatever reached the clients' sockets before the kill has been read by now.
        await new Promise((resolve) => setTimeout(resolve, 30))
        const stored = await storedDoc(dataDir, 'kill')
        expect(contains(stored, observer.received), `round ${round}: observer`).toBe(true)
        for (const writer of writers) {
          expect(contains(stored, writer.received), `round ${round}: writer`).toBe(true)
        }
      }
    } finally {
      clearInterval(writing)
    }

    // After a last restart, every client's edits (re-sent on reconnect) converge and are stored.
    running = await startChildServer(dataDir, port, env)
    await waitFor(
      () =>
        writers.every((writer) => sameState(writer.doc, observer.doc)) && observer.provider.synced,
      'final convergence',
      20_000,
    )
    // The running server has the file to itself: read it once the server has stopped.
    running.child.kill('SIGTERM')
    await running.exited
    const final = await storedDoc(dataDir, 'kill')
    expect(sameState(final, observer.doc)).toBe(true)
    expect(final.getMap('comments').get(`c${(counter - 1) % 100}`)).toBe(`comment ${counter - 1}`)
  }, 120_000)

  it('survives a kill during compaction and completes it after the restart', async () => {
    const dataDir = tempDataDir()
    const expected = await seedLongLog(dataDir, 'long', 20_000)
    const port = await freePort()
    // The log sits exactly at the threshold: the next stored edit starts a compaction, which
    // rebuilds 20,000 updates from storage and so takes a while.
    const env = { TOUCHLINE_COMPACTION_THRESHOLD: '20000', LOG_LEVEL: 'debug' }
    running = await startChildServer(dataDir, port, env)
    const first = running
    const writer = stock(running.syncUrl, 'long')
    const observer = stock(running.syncUrl, 'long')
    await Promise.all([synced(writer), synced(observer)])
    // The edit reaches the observer only once stored; the compaction starts right after.
    observer.doc.getMap('meta').observe(() => first.child.kill('SIGKILL'))
    writer.doc.getMap('meta').set('title', 'the last edit before the crash')
    expected.getMap('meta').set('title', 'the last edit before the crash')
    await first.exited
    expect(first.logs.some((entry) => entry.msg === 'journey compacted')).toBe(false)
    const interrupted = await storedForm(dataDir, 'long')
    expect(interrupted.snapshot).toBeNull()
    expect(interrupted.updates.length).toBe(20_001)
    const afterCrash = await storedDoc(dataDir, 'long')
    expect(afterCrash.getMap('meta').get('title')).toBe('the last edit before the crash')
    expect(afterCrash.getMap('touchpoints').toJSON()).toEqual(
      expected.getMap('touchpoints').toJSON(),
    )

    // The restart finds the log over the threshold and compacts it straight after loading.
    running = await startChildServer(dataDir, port, env)
    const second = running
    await Promise.all([synced(writer), synced(observer)])
    await waitFor(
      () => second.logs.some((entry) => entry.msg === 'journey compacted'),
      'compaction',
    )
    // Still serving after the compaction: no crash loop.
    writer.doc.getMap('meta').set('title', 'after compaction')
    await waitFor(() => observer.doc.getMap('meta').get('title') === 'after compaction', 'edit')
    // The running server has the file to itself: read it once the server has stopped.
    second.child.kill('SIGTERM')
    await second.exited
    const compacted = await storedForm(dataDir, 'long')
    expect(compacted.snapshot).not.toBeNull()
    // Only the edit made after the compaction.
    expect(compacted.updates).toHaveLength(1)
    const reloaded = await storedDoc(dataDir, 'long')
    expect(reloaded.getMap('meta').get('title')).toBe('after compaction')
    expect(sameState(reloaded, writer.doc)).toBe(true)
  }, 60_000)

  it('flushes and exits 0 on SIGTERM, closing clients with 1001', async () => {
    const dataDir = tempDataDir()
    await seedJourney(dataDir, 'term', 'Graceful')
    running = await startChildServer(dataDir, await freePort())
    const writer = stock(running.syncUrl, 'term')
    const observer = stock(running.syncUrl, 'term')
    await Promise.all([synced(writer), synced(observer)])
    for (let i = 0; i < 50; i++) writer.doc.getMap('touchpoints').set(`t${i}`, i)
    await waitFor(() => observer.doc.getMap('touchpoints').size === 50, 'observer has the edits')
    running.child.kill('SIGTERM')
    expect(await running.exited).toEqual({ code: 0, signal: null })
    expect(running.logs.some((entry) => entry.msg === 'stopped')).toBe(true)
    expect(writer.closes).toContain(1001)
    const stored = await storedDoc(dataDir, 'term')
    expect(stored.getMap('touchpoints').toJSON()).toEqual(writer.doc.getMap('touchpoints').toJSON())
  })
})
