// Vote to others' screens: thirty people vote at once on one journey, each through the
// review API as the app does, while every one of them holds the journey's review socket
// with the stock y-websocket client. A sample is the time from a vote's request being sent
// until another voter's review document shows it: the vote itself in `votes` for a public
// session, for a hidden one the voter's mark in the session's `voters` (all anybody sees of
// a hidden ballot, and only of a participant's first). Each vote gives one sample per other
// voter. The voters' documents live in worker threads (as thirty browsers do not share one
// event loop), the votes are sent from the main thread.
import { loadavg } from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { LIMITS } from '@touchline/model'
import { largeJourney } from '../journeys/large-journey.js'
import { importLargeJourney } from '../servers/import-journey.js'
import { type LoopDelay, RunningServer } from '../servers/running-server.js'
import type { ServerSpec } from '../servers/server-specs.js'
import { LatencyHistogram, type LatencySummary } from '../stats/latency-histogram.js'
import { UsageMeter, type UsageWindow } from '../stats/process-usage.js'
import { field, text } from './stored-field.js'
import { VoteWatcherPool } from './vote-watcher-pool.js'
import type { Ballots } from './watch-votes.js'

export type { Ballots } from './watch-votes.js'

export interface VotePlan {
  voters: number
  /** Rounds measured; each socket's voter casts one vote per round, all at once. */
  rounds: number
  /** Rounds cast first and not measured: the rooms are loaded and the code warm then. */
  warmUpRounds: number
  /** Quiet time before each round, so each round starts on an idle server. */
  pauseMs: number
  /** Worker threads the voters' documents are spread over. */
  watcherThreads: number
}

export interface VoteLatencyResult {
  touchpoints: number
  ballots: Ballots
  voters: number
  /** Votes of the measured rounds the server accepted. */
  votes: number
  /** Vote sent until another voter's document shows it: one sample per vote and other voter. */
  latency: LatencySummary
  /** Vote sent until its 201 answer: one sample per vote. */
  answered: LatencySummary
  /** Vote and other-voter pairs never seen within the deadline. */
  missed: number
  /** Vote requests the server did not answer with 201, and what it said to the first. */
  refused: number
  firstRefusal: string | null
  /** 1, 5 and 15-minute load averages (as `uptime` prints them) when the run started. */
  loadAverage: number[]
  /**
   * Over the measured rounds, pauses included: the server's CPU and event-loop delay, and
   * the harness's (all its threads' CPU; the loop delay of the thread sending the votes, and
   * the worst of the threads holding the voters' documents).
   */
  serverCpu: UsageWindow
  serverLoopDelay: LoopDelay | null
  harnessCpuCores: number
  harnessLoopDelayP99: number
  watcherLoopDelayP99: number
}

const SEEN_TIMEOUT_MS = 10_000
/** Event-loop delay samples include the sampling interval, which is subtracted. */
const LOOP_RESOLUTION_MS = 10
const COLOR = '#2f6fdf'

interface Participant {
  id: string
  name: string
  token: string
}

async function post(
  url: string,
  body: unknown,
  identity?: string,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(identity ? { 'x-touchline-identity': identity } : {}),
    },
    body: JSON.stringify(body),
  })
  const answer: unknown = await response.json()
  return { status: response.status, body: answer }
}

function refusal(what: string, answer: { status: number; body: unknown }): Error {
  return new Error(`${what} -> ${answer.status} ${JSON.stringify(answer.body).slice(0, 400)}`)
}

async function register(server: RunningServer, name: string): Promise<Participant> {
  const answer = await post(`${server.httpOrigin}/api/identity`, { name, color: COLOR })
  const id = text(field(field(answer.body, 'identity'), 'id'))
  const token = text(field(answer.body, 'token'))
  if (answer.status !== 201 || id === null || token === null) {
    throw refusal('POST /api/identity', answer)
  }
  return { id, name, token }
}

export async function voteLatency(
  spec: ServerSpec,
  touchpoints: number,
  ballots: Ballots,
  plan: VotePlan,
): Promise<VoteLatencyResult> {
  const totalRounds = plan.warmUpRounds + plan.rounds
  // Each socket votes for another touchpoint every round, so the session need not allow
  // several votes per item and a sample's key (voter, touchpoint) is never reused.
  if (plan.voters > touchpoints || totalRounds > Math.min(touchpoints, LIMITS.votesPerPerson)) {
    throw new Error(
      `${plan.voters} voters and ${totalRounds} rounds do not fit ${touchpoints} touchpoints`,
    )
  }
  const loadAverage = loadavg()
  const server = await RunningServer.start(spec)
  let watchers: VoteWatcherPool | null = null
  try {
    const journeyId = await importLargeJourney(server, touchpoints)
    const api = `${server.httpOrigin}/api/journeys/${journeyId}`
    const items = largeJourney(touchpoints).touchpoints.map((card) => ({
      touchpointId: card.id,
      itemId: null,
      list: null,
    }))
    const facilitator = await register(server, 'Facilitator')
    const started = await post(
      `${api}/vote-sessions`,
      {
        title: 'Bench vote',
        items,
        votesPerPerson: ballots === 'public' ? totalRounds : 1,
        hidden: ballots === 'hidden',
        author: { name: facilitator.name, color: COLOR },
      },
      facilitator.token,
    )
    const sessionId = text(field(field(started.body, 'session'), 'id'))
    if (started.status !== 201 || sessionId === null) {
      throw refusal('starting the vote session', started)
    }
    const votesUrl = `${api}/vote-sessions/${sessionId}/votes`
    // seats[round][n]: who votes from the n-th socket. Others see only a participant's first
    // vote of a hidden session, so there each round has participants of its own.
    const seats: Participant[][] = []
    for (let round = 0; round < (ballots === 'hidden' ? totalRounds : 1); round++) {
      seats.push(
        await Promise.all(
          Array.from({ length: plan.voters }, (_, n) => register(server, `Voter ${n + 1}`)),
        ),
      )
    }

    // `${voter id} ${subject}` -> when that vote was sent (absolute time, as the watcher
    // threads report), for the measured rounds only.
    const sentAt = new Map<string, number>()
    const seen = new LatencyHistogram()
    const now = () => performance.timeOrigin + performance.now()
    watchers = await VoteWatcherPool.start({
      syncUrl: `${server.origin}/sync`,
      room: `${journeyId}/review`,
      ballots,
      voters: Array.from({ length: plan.voters }, (_, n) =>
        seats.flatMap((voters) => voters[n]?.id ?? []),
      ),
      threads: plan.watcherThreads,
      seen: (voterId, subject, at) => {
        const sent = sentAt.get(`${voterId} ${subject}`)
        if (sent !== undefined) seen.recordMs(at - sent)
      },
    })

    const answered = new LatencyHistogram()
    let refused = 0
    let firstRefusal: string | null = null
    let cast = 0
    const harnessLoop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS })
    let usage: UsageMeter | null = null
    let harnessCpu = process.cpuUsage()
    let measuredSince = performance.now()
    for (let round = 0; round < totalRounds; round++) {
      if (round === plan.warmUpRounds) {
        server.resetLoopDelay()
        harnessLoop.enable()
        usage = new UsageMeter(server.pid)
        harnessCpu = process.cpuUsage()
        watchers.measure()
        measuredSince = performance.now()
      }
      const voters = seats[round % seats.length]
      if (!voters) throw new Error('no voters')
      const measured = round >= plan.warmUpRounds
      await new Promise((resolve) => setTimeout(resolve, plan.pauseMs))
      await Promise.all(
        voters.map(async (voter, index) => {
          const item = items[(index + round) % items.length]
          if (!item) throw new Error('no item to vote for')
          const subject = ballots === 'public' ? item.touchpointId : sessionId
          const sent = now()
          if (measured) sentAt.set(`${voter.id} ${subject}`, sent)
          const answer = await post(
            votesUrl,
            { item, author: { name: voter.name, color: COLOR } },
            voter.token,
          )
          if (answer.status !== 201) {
            refused += 1
            firstRefusal ??= `${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`
          } else if (measured) {
            answered.recordMs(now() - sent)
            cast += 1
          }
        }),
      )
      // The next round starts once this one is seen everywhere (or never will be).
      const expected = cast * (plan.voters - 1)
      const deadline = performance.now() + SEEN_TIMEOUT_MS
      while (seen.count < expected && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    }
    if (usage === null) throw new Error('no round was measured')
    const serverCpu = usage.stop()
    const harnessUsed = process.cpuUsage(harnessCpu)
    harnessLoop.disable()
    const watcherLoopDelayP99 = await watchers.stop()
    watchers = null
    return {
      touchpoints,
      ballots,
      voters: plan.voters,
      votes: cast,
      latency: seen.summary(),
      answered: answered.summary(),
      missed: cast * (plan.voters - 1) - seen.count,
      refused,
      firstRefusal,
      loadAverage,
      serverCpu,
      serverLoopDelay: await server.loopDelay(),
      harnessCpuCores:
        (harnessUsed.user + harnessUsed.system) / 1000 / (performance.now() - measuredSince),
      harnessLoopDelayP99: Math.max(0, harnessLoop.percentile(99) / 1e6 - LOOP_RESOLUTION_MS),
      watcherLoopDelayP99,
    }
  } finally {
    await watchers?.stop()
    await server.stop()
  }
}
