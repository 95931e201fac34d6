// Join storm: a large journey is loaded on the server (one client pushes it and stays, so no
// server unloads it), then many clients join it within a second, open loop: each starts at
// its scheduled time whether or not the earlier ones are done. Each one's time runs from its
// scheduled start until the server's sync step 2 arrives; afterwards every client is checked
// to have received the whole document.
import * as Y from 'yjs'
import type { RunningServer } from '../servers/running-server.js'
import { LatencyHistogram, type LatencySummary } from '../stats/latency-histogram.js'
import { UsageMeter, type UsageWindow } from '../stats/process-usage.js'
import { serverState } from './convergence.js'
import { DeliveryStats } from './delivery-stats.js'
import { SendLedger } from './send-ledger.js'
import { SimClient } from './sim-client.js'
import { withTimeout } from './with-timeout.js'

export interface StormPlan {
  clients: number
  /** All clients start within this window, evenly spaced. */
  spreadMs: number
  /** A client not synced by then counts as failed. */
  syncTimeoutMs: number
}

export interface StormResult {
  server: string
  clients: number
  touchpoints: number
  documentBytes: number
  joinToSynced: LatencySummary
  /** From the first client's start until the last one was synced; null if any failed. */
  allSyncedMs: number | null
  /** Clients that timed out, were refused, or received an incomplete document. */
  failed: number
  cpu: UsageWindow
  serverLoopDelay: { p50: number; p99: number; max: number } | null
  /** Cores the harness used during the storm: near 1.0, receiving was the limit. */
  harnessCpuCores: number
}

/** Loading the journey is preparation, not measured: it may take its time on a slow server. */
const SEED_TIMEOUT_MS = 120_000

function covers(received: Map<number, number>, expected: Map<number, number>): boolean {
  for (const [client, clock] of expected) if ((received.get(client) ?? 0) < clock) return false
  return true
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  const view = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return view(a).equals(view(b))
}

/**
 * Whether a client got the whole journey: byte-identical to what a fresh client got before
 * the storm (cheap), or else read and checked against the expected state vector.
 */
function receivedAll(
  client: SimClient,
  reference: readonly Uint8Array[],
  expected: Map<number, number>,
): boolean {
  const payloads = client.takeUnreadSync()
  const same =
    payloads.length === reference.length &&
    payloads.every((payload, i) => {
      const other = reference[i]
      return other !== undefined && sameBytes(payload, other)
    })
  if (same) return true
  for (const payload of payloads) {
    client.tracker.merge(Y.decodeStateVector(Y.encodeStateVectorFromUpdate(payload)))
  }
  return covers(client.tracker.snapshot(), expected)
}

export async function joinStorm(
  server: RunningServer,
  seed: Y.Doc,
  seedBytes: number,
  touchpoints: number,
  plan: StormPlan,
): Promise<StormResult> {
  const room = await server.createRoom('Bench join storm')
  const common = { room, framing: server.spec.framing, url: server.socketUrl(room) }
  const seeder = new SimClient({
    ...common,
    ledger: new SendLedger(),
    stats: new DeliveryStats(),
    dragsCards: false,
    seed,
  })
  await seeder.connect()
  await seeder.whenSynced()
  const expected = seeder.tracker.snapshot()
  // The server has the journey once a fresh client gets all of it.
  const loadedBy = performance.now() + SEED_TIMEOUT_MS
  let loaded = await serverState(server, room)
  while (!covers(loaded.vector, expected)) {
    if (performance.now() > loadedBy) throw new Error(`${server.spec.label}: seed never arrived`)
    await new Promise((resolve) => setTimeout(resolve, 50))
    loaded = await serverState(server, room)
  }
  const reference = loaded.payloads
  const clients = Array.from(
    { length: plan.clients },
    () =>
      new SimClient({
        ...common,
        ledger: new SendLedger(),
        stats: new DeliveryStats(),
        dragsCards: false,
        deferSyncRead: true,
      }),
  )
  server.resetLoopDelay()
  const usage = new UsageMeter(server.pid)
  const harnessCpu = process.cpuUsage()
  const start = performance.now()
  const gap = plan.spreadMs / plan.clients
  const outcomes = await Promise.all(
    clients.map(async (client, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * gap))
      const joined = client.connect().then(() => client.whenSynced())
      try {
        await withTimeout(joined, plan.syncTimeoutMs, 'sync timed out')
        return true
      } catch {
        // Stop it taking more of the server's time, so the storm ends at the timeout.
        client.terminate()
        return false
      }
    }),
  )
  const allSyncedMs = outcomes.every(Boolean)
    ? Math.max(...clients.map((c) => c.syncedAt - start))
    : null
  const cpu = usage.stop()
  const harnessUsed = process.cpuUsage(harnessCpu)
  const harnessCpuCores =
    (harnessUsed.user + harnessUsed.system) / 1000 / (performance.now() - start)
  const loop = await server.loopDelay()
  const join = new LatencyHistogram()
  let failed = 0
  clients.forEach((client, i) => {
    if (!outcomes[i] || !receivedAll(client, reference, expected)) {
      failed += 1
      return
    }
    // From the scheduled start, so a late timer in the harness counts against the time.
    join.recordMs(client.syncedAt - (start + i * gap))
  })
  await Promise.all([...clients, seeder].map((client) => client.close()))
  return {
    server: server.spec.id,
    clients: plan.clients,
    touchpoints,
    documentBytes: seedBytes,
    joinToSynced: join.summary(),
    allSyncedMs,
    failed,
    cpu,
    serverLoopDelay: loop ? { p50: loop.p50, p99: loop.p99, max: loop.max } : null,
    harnessCpuCores,
  }
}
