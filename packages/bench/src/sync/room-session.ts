// The clients of one workload on one server: joins them, runs measurement windows at a given
// drag rate, and checks convergence, keeping the clients connected between windows.
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { RunningServer } from '../servers/running-server.js'
import { LatencyHistogram, type LatencySummary } from '../stats/latency-histogram.js'
import { UsageMeter, type UsageWindow } from '../stats/process-usage.js'
import { type Convergence, verifyConvergence } from './convergence.js'
import { DeliveryStats } from './delivery-stats.js'
import { runOpenLoop, type Stream } from './open-loop.js'
import { SendLedger } from './send-ledger.js'
import { SimClient } from './sim-client.js'
import { withTimeout } from './with-timeout.js'
import { draggersPerRoom, type Workload } from './workloads.js'

export interface WindowResult {
  /** The workload's rates times this: drags and cursors scale together. */
  rateMultiplier: number
  dragHz: number
  cursorHz: number
  durationMs: number
  sentUpdates: number
  expectedUpdates: number
  deliveredUpdates: number
  /** Update deliveries per second (each update counted once per receiving client). */
  deliveredPerSecond: number
  update: LatencySummary
  cursor: LatencySummary
  lostUpdates: number
  lostCursors: number
  cpu: UsageWindow
  serverLoopDelay: { p50: number; p99: number; max: number } | null
  /** The harness's own event-loop delay: when high, the harness, not the server, was the limit. */
  harnessLoopDelayP99: number
  /** Cores the harness itself used over the window (1.0 = one core busy). */
  harnessCpuCores: number
  convergence: Convergence
}

const JOIN_CONCURRENCY = 50
const DRAIN_TIMEOUT_MS = 3000
/** How long late traffic may take to land before convergence is checked. */
const SETTLE_TIMEOUT_MS = 15_000
/** Event-loop delay samples include the sampling interval, which is subtracted. */
const LOOP_RESOLUTION_MS = 10

export class RoomSession {
  readonly rooms: string[] = []
  readonly clients: SimClient[][] = []
  readonly join = new LatencyHistogram()
  private readonly ledger = new SendLedger()
  private stats = new DeliveryStats()

  private constructor(
    private readonly server: RunningServer,
    private readonly workload: Workload,
  ) {}

  static async open(server: RunningServer, workload: Workload): Promise<RoomSession> {
    const session = new RoomSession(server, workload)
    await session.connectAll()
    return session
  }

  private async connectAll(): Promise<void> {
    const { server, workload } = this
    for (let r = 0; r < workload.rooms; r++) {
      this.rooms.push(await server.createRoom(`Bench ${workload.id} room ${r + 1}`))
    }
    const draggers = draggersPerRoom(workload)
    const all: SimClient[] = []
    for (const room of this.rooms) {
      const members: SimClient[] = []
      for (let c = 0; c < workload.clientsPerRoom; c++) {
        const client = new SimClient({
          url: server.socketUrl(room),
          room,
          framing: server.spec.framing,
          ledger: this.ledger,
          stats: this.stats,
          dragsCards: c < draggers,
        })
        client.roomSize = workload.clientsPerRoom
        members.push(client)
        all.push(client)
      }
      this.clients.push(members)
    }
    for (let i = 0; i < all.length; i += JOIN_CONCURRENCY) {
      await Promise.all(all.slice(i, i + JOIN_CONCURRENCY).map((client) => this.joinOne(client)))
    }
    // Warm-up: every dragging client creates its card, and everyone receives it.
    let index = 0
    for (const members of this.clients) {
      for (const client of members) if (client.doc) client.createCard(index++)
    }
    await this.settle()
  }

  private async joinOne(client: SimClient): Promise<void> {
    await client.connect()
    // A relay keeps no state and never answers a sync request: joining is opening.
    if (!this.server.spec.stateful) return
    await withTimeout(client.whenSynced(), 15_000, `${this.server.spec.label}: sync timed out`)
    this.join.recordMs(client.joinToSyncedMs)
  }

  /** Waits until the server has been quiet long enough for in-flight warm-up traffic. */
  private async settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 300))
  }

  async runWindow(rateMultiplier: number, durationMs: number): Promise<WindowResult> {
    const { workload, server } = this
    const dragHz = workload.dragHz * rateMultiplier
    const cursorHz = workload.cursorHz * rateMultiplier
    this.ledger.clear()
    const stats = new DeliveryStats()
    this.stats = stats
    const streams: Stream[] = []
    for (const members of this.clients) {
      for (const client of members) {
        client.stats = stats
        client.measuring = true
        streams.push({ periodMs: 1000 / cursorHz, fire: (at) => client.moveCursor(at) })
        if (client.doc) streams.push({ periodMs: 1000 / dragHz, fire: (at) => client.drag(at) })
      }
    }
    const harnessLoop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS })
    harnessLoop.enable()
    server.resetLoopDelay()
    const usage = new UsageMeter(server.pid)
    const harnessCpu = process.cpuUsage()
    const windowStart = performance.now()
    await runOpenLoop(streams, durationMs)
    for (const members of this.clients) for (const client of members) client.measuring = false
    const drainUntil = performance.now() + DRAIN_TIMEOUT_MS
    while (!stats.complete && performance.now() < drainUntil) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    // Everything is read at the drain deadline: what arrives later counts as lost here.
    const cpu = usage.stop()
    const harnessUsed = process.cpuUsage(harnessCpu)
    const harnessCpuCores =
      (harnessUsed.user + harnessUsed.system) / 1000 / (performance.now() - windowStart)
    harnessLoop.disable()
    const measured = {
      sentUpdates: stats.sentUpdates,
      expectedUpdates: stats.expectedUpdates,
      deliveredUpdates: stats.deliveredUpdates,
      deliveredPerSecond: stats.deliveredUpdates / (durationMs / 1000),
      update: stats.updateLatency.summary(),
      cursor: stats.cursorLatency.summary(),
      lostUpdates: Math.max(0, stats.expectedUpdates - stats.deliveredUpdates),
      lostCursors: Math.max(0, stats.expectedCursors - stats.deliveredCursors),
    }
    const loop = await server.loopDelay()
    // Convergence is about the end state: late traffic may still land before it is checked.
    const settleUntil = performance.now() + SETTLE_TIMEOUT_MS
    while (!stats.complete && performance.now() < settleUntil) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const convergence = await verifyConvergence(server, this.rooms, this.clients)
    return {
      rateMultiplier,
      dragHz,
      cursorHz,
      durationMs,
      ...measured,
      cpu,
      serverLoopDelay: loop ? { p50: loop.p50, p99: loop.p99, max: loop.max } : null,
      harnessCpuCores,
      harnessLoopDelayP99: Math.max(0, harnessLoop.percentile(99) / 1e6 - LOOP_RESOLUTION_MS),
      convergence,
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.flat().map((client) => client.close()))
  }
}
