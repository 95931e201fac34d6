import type { ChannelId } from '../constants.js'
import type { Journey } from '../entities/journey.js'

export interface ChannelCount {
  channel: ChannelId
  count: number
  /** Fraction of the stage's (or the journey's) touchpoints, 0..1. */
  share: number
}

export interface StageChannelMix {
  stageId: string
  total: number
  /** Channels used in the stage, most used first. */
  channels: ChannelCount[]
}

export interface ChannelMix {
  stages: StageChannelMix[]
  totals: ChannelCount[]
}

function counted(counts: Map<ChannelId, number>, total: number): ChannelCount[] {
  return [...counts]
    .map(([channel, count]) => ({ channel, count, share: total ? count / total : 0 }))
    .sort((a, b) => b.count - a.count || a.channel.localeCompare(b.channel))
}

/** The channels used per stage and overall. */
export function channelMix(journey: Journey): ChannelMix {
  const perStage = new Map(journey.stages.map((s) => [s.id, new Map<ChannelId, number>()]))
  const totals = new Map<ChannelId, number>()
  for (const tp of journey.touchpoints) {
    const stage = perStage.get(tp.stageId)
    if (stage) stage.set(tp.channel, (stage.get(tp.channel) ?? 0) + 1)
    totals.set(tp.channel, (totals.get(tp.channel) ?? 0) + 1)
  }
  return {
    stages: journey.stages.map((s) => {
      const counts = perStage.get(s.id) ?? new Map()
      const total = [...counts.values()].reduce((a, b) => a + b, 0)
      return { stageId: s.id, total, channels: counted(counts, total) }
    }),
    totals: counted(totals, journey.touchpoints.length),
  }
}
