// Capacity: raise the workload's rates (drags and cursors together) step by step, on the same
// connected clients, until p99 update latency passes the budget or deliveries are lost. The
// capacity is the highest delivered update rate of a step that stayed within the budget.
import type { RunningServer } from '../servers/running-server.js'
import type { ServerId } from '../servers/server-specs.js'
import type { LatencySummary } from '../stats/latency-histogram.js'
import { RoomSession, type WindowResult } from './room-session.js'
import type { Workload } from './workloads.js'

export const P99_BUDGET_MS = 50

export interface StepUpPlan {
  /**
   * Traffic at the stated rates before the first measured window, unrecorded: every server
   * gets its code warm and its start-up work (room loading, first writes) done outside the
   * measurement.
   */
  warmUpMs: number
  windowMs: number
  /** Each step multiplies the drag rate by this. */
  factor: number
  maxSteps: number
}

export interface WorkloadResult {
  workload: string
  server: ServerId
  /** Updates delivered per second at p99 <= 50 ms: 0 when even the base rate missed it. */
  capacity: number
  /** The step that set the capacity, or null. */
  capacityStep: number | null
  joinToSynced: LatencySummary
  steps: WindowResult[]
  /** The base-rate window: the workload as the issue states it. */
  base: WindowResult
}

export function withinBudget(step: WindowResult): boolean {
  return step.lostUpdates === 0 && step.update.count > 0 && step.update.p99 <= P99_BUDGET_MS
}

export async function stepUp(
  server: RunningServer,
  workload: Workload,
  plan: StepUpPlan,
  log: (line: string) => void,
): Promise<WorkloadResult> {
  const session = await RoomSession.open(server, workload)
  try {
    const steps: WindowResult[] = []
    let capacity = 0
    let capacityStep: number | null = null
    // Up from the stated rates while within budget; when even they miss it, down instead, so
    // a loaded server still gets the rate it does sustain.
    let multiplier = 1
    let direction = 0
    await session.runWindow(multiplier, plan.warmUpMs)
    for (let i = 0; i < plan.maxSteps; i++) {
      const step = await session.runWindow(multiplier, plan.windowMs)
      steps.push(step)
      const passed = withinBudget(step)
      log(
        `  ${workload.id} x${multiplier.toFixed(2)} (drags ${step.dragHz.toFixed(0)} Hz, cursors ` +
          `${step.cursorHz.toFixed(0)} Hz): ${step.deliveredPerSecond.toFixed(0)} upd/s, ` +
          `p99 ${step.update.p99.toFixed(1)} ms, lost ${step.lostUpdates}, ` +
          `harness loop p99 ${step.harnessLoopDelayP99.toFixed(1)} ms${passed ? '' : ' (over budget)'}`,
      )
      if (passed && step.deliveredPerSecond > capacity) {
        capacity = step.deliveredPerSecond
        capacityStep = i
      }
      if (direction === 0) direction = passed ? 1 : -1
      if (direction === 1 && !passed) break
      if (direction === -1 && passed) break
      multiplier = direction === 1 ? multiplier * plan.factor : multiplier / plan.factor
    }
    const base = steps[0]
    if (!base) throw new Error('no step ran')
    return {
      workload: workload.id,
      server: server.spec.id,
      capacity,
      capacityStep,
      joinToSynced: session.join.summary(),
      steps,
      base,
    }
  } finally {
    await session.close()
  }
}
