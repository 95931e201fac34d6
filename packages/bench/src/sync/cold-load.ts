// Cold load: a journey whose store holds many small updates (card drags, one stored update
// each, as a long workshop leaves them before any compaction) is loaded by a freshly started
// server. The SQLite file is written with the server's own store, then the server is started
// on it and the first client's join-to-synced is timed: that is when the journey is read
// from disk and its log replayed.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { digestJourneyDoc, newJourneyId, SqliteJourneyStore } from '@touchline/server'
import * as Y from 'yjs'
import { RunningServer } from '../servers/running-server.js'
import type { ServerSpec } from '../servers/server-specs.js'
import { LatencyHistogram, type LatencySummary } from '../stats/latency-histogram.js'
import { DeliveryStats } from './delivery-stats.js'
import { SendLedger } from './send-ledger.js'
import { SimClient } from './sim-client.js'

export interface ColdLoadResult {
  server: string
  storedUpdates: number
  /** Spawn until the port accepts connections. */
  startup: LatencySummary
  /** First client's connect until its sync step 2, on a just-started server. */
  firstJoinToSynced: LatencySummary
  /** Every run delivered the whole journey. */
  complete: boolean
  prepareSeconds: number
}

const CARDS = 200
const BATCH = 1000

function covers(received: Map<number, number>, expected: Map<number, number>): boolean {
  for (const [client, clock] of expected) if ((received.get(client) ?? 0) < clock) return false
  return true
}

/** Writes a journey of `updates` stored updates into `dataDir`; returns its id and state. */
async function prepareStore(
  dataDir: string,
  updates: number,
): Promise<{ id: string; expected: Map<number, number> }> {
  const doc = new Y.Doc()
  const cards = doc.getMap<Y.Map<unknown>>('touchpoints')
  doc.transact(() => {
    doc.getMap('meta').set('title', 'Bench cold load')
    for (let i = 0; i < CARDS; i++) {
      const card = new Y.Map<unknown>()
      card.set('id', `cold-${i}`)
      card.set('position', { x: i * 20, y: 0 })
      cards.set(`cold-${i}`, card)
    }
  })
  const id = newJourneyId()
  const store = await SqliteJourneyStore.open(dataDir)
  try {
    await store.create({ id, ...digestJourneyDoc(doc), update: Y.encodeStateAsUpdate(doc) })
    const all = [...cards.values()]
    let batch: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => batch.push(update))
    // The creation above is one stored update; the drags make up the rest.
    for (let i = 1; i < updates; i++) {
      all[i % CARDS]?.set('position', { x: i % 1000, y: (i * 7) % 1000 })
      if (batch.length === BATCH || i === updates - 1) {
        await store.append(id, batch, digestJourneyDoc(doc))
        batch = []
      }
    }
  } finally {
    await store.close()
  }
  return { id, expected: Y.decodeStateVector(Y.encodeStateVector(doc)) }
}

export async function coldLoad(
  spec: ServerSpec,
  updates: number,
  runs: number,
): Promise<ColdLoadResult> {
  const startup = new LatencyHistogram()
  const firstJoin = new LatencyHistogram()
  let complete = true
  let prepareSeconds = 0
  for (let run = 0; run < runs; run++) {
    // A fresh store each run: a server may compact the log after loading it, and every run
    // must replay the whole log in a new process with nothing cached.
    const dataDir = mkdtempSync(join(tmpdir(), `touchline-bench-cold-${spec.id}-`))
    try {
      const prepareStart = performance.now()
      const { id, expected } = await prepareStore(dataDir, updates)
      prepareSeconds += (performance.now() - prepareStart) / 1000
      const server = await RunningServer.start(spec, { dataDir })
      try {
        const reader = new SimClient({
          url: server.socketUrl(id),
          room: id,
          framing: spec.framing,
          ledger: new SendLedger(),
          stats: new DeliveryStats(),
          dragsCards: false,
          deferSyncRead: true,
        })
        await reader.connect()
        await reader.whenSynced()
        startup.recordMs(server.startupMs)
        firstJoin.recordMs(reader.joinToSyncedMs)
        if (!covers(reader.receivedStateVector(), expected)) complete = false
        await reader.close()
      } finally {
        await server.stop()
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
  return {
    server: spec.id,
    storedUpdates: updates,
    startup: startup.summary(),
    firstJoinToSynced: firstJoin.summary(),
    complete,
    prepareSeconds: prepareSeconds / runs,
  }
}
