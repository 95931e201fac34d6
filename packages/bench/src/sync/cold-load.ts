// Cold load: a journey whose store holds many small updates (card drags, each its own
// message, as a long workshop leaves them) is loaded by a freshly started server. The store
// is written through the server itself, the server is stopped (it flushes on SIGTERM) and
// started again on the same data; then the first client's join-to-synced is timed, which is
// when the server reads the journey from disk.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { RunningServer } from '../servers/running-server.js'
import type { ServerSpec } from '../servers/server-specs.js'
import { LatencyHistogram, type LatencySummary } from '../stats/latency-histogram.js'
import { serverStateVector } from './convergence.js'
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
  /** Startup plus first join: what a user waits for after a restart. */
  total: LatencySummary
  /** Every run delivered the whole journey. */
  complete: boolean
  prepareSeconds: number
}

const CARDS = 200
const CHUNK = 1000
const HIGH_WATER_BYTES = 1 << 20

async function drain(client: SimClient): Promise<void> {
  while (client.bufferedBytes > HIGH_WATER_BYTES) await new Promise((r) => setTimeout(r, 2))
}

function covers(received: Map<number, number>, expected: Map<number, number>): boolean {
  for (const [client, clock] of expected) if ((received.get(client) ?? 0) < clock) return false
  return true
}

export async function coldLoad(
  spec: ServerSpec,
  updates: number,
  runs: number,
): Promise<ColdLoadResult> {
  const prepareStart = performance.now()
  const dataDir = mkdtempSync(join(tmpdir(), `touchline-bench-cold-${spec.id}-`))
  try {
    return await measureColdLoad(spec, dataDir, updates, runs, prepareStart)
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function measureColdLoad(
  spec: ServerSpec,
  dataDir: string,
  updates: number,
  runs: number,
  prepareStart: number,
): Promise<ColdLoadResult> {
  const writerServer = await RunningServer.start(spec, { dataDir })
  let room: string
  let expected: Map<number, number>
  try {
    room = await writerServer.createRoom('Bench cold load')
    const writer = new SimClient({
      url: writerServer.socketUrl(room),
      room,
      framing: spec.framing,
      ledger: new SendLedger(),
      stats: new DeliveryStats(),
      dragsCards: true,
    })
    await writer.connect()
    await writer.whenSynced()
    writer.applyLocal((doc) => {
      const cards = doc.getMap<Y.Map<unknown>>('touchpoints')
      doc.transact(() => {
        for (let i = 0; i < CARDS; i++) {
          const card = new Y.Map<unknown>()
          card.set('id', `cold-${i}`)
          card.set('position', { x: i * 20, y: 0 })
          cards.set(`cold-${i}`, card)
        }
      })
    })
    // One update per message, sent in chunks as fast as the socket drains.
    for (let from = 1; from < updates; from += CHUNK) {
      writer.applyLocal((doc) => {
        const cards = [...doc.getMap<Y.Map<unknown>>('touchpoints').values()]
        for (let i = from; i < Math.min(updates, from + CHUNK); i++) {
          cards[i % CARDS]?.set('position', { x: i % 1000, y: (i * 7) % 1000 })
        }
      })
      await drain(writer)
    }
    expected = writer.tracker.snapshot()
    const deadline = performance.now() + 120_000
    while (!covers(await serverStateVector(writerServer, room), expected)) {
      if (performance.now() > deadline) throw new Error('the store never caught up')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    await writer.close()
  } finally {
    await writerServer.stop()
  }
  const prepareSeconds = (performance.now() - prepareStart) / 1000

  const startup = new LatencyHistogram()
  const firstJoin = new LatencyHistogram()
  const total = new LatencyHistogram()
  let complete = true
  for (let run = 0; run < runs; run++) {
    const server = await RunningServer.start(spec, { dataDir })
    try {
      const reader = new SimClient({
        url: server.socketUrl(room),
        room,
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
      total.recordMs(server.startupMs + reader.joinToSyncedMs)
      if (!covers(reader.receivedStateVector(), expected)) complete = false
      await reader.close()
    } finally {
      // Keep the data for the next run; it is removed after the last.
      await server.stop()
    }
  }
  return {
    server: spec.id,
    storedUpdates: updates,
    startup: startup.summary(),
    firstJoinToSynced: firstJoin.summary(),
    total: total.summary(),
    complete,
    prepareSeconds,
  }
}
