// Vote to others' screens: thirty people vote at once on one journey, each through the
// review API as the app does, while every one of them holds the journey's review socket
// with the stock y-websocket client. A sample is the time from a vote's request being sent
// until another voter's review document shows it; each vote gives one sample per other voter.
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { largeJourney } from '../journeys/large-journey.js'
import { importLargeJourney } from '../servers/import-journey.js'
import { RunningServer } from '../servers/running-server.js'
import type { ServerSpec } from '../servers/server-specs.js'
import { LatencyHistogram, type LatencySummary } from '../stats/latency-histogram.js'
import { withTimeout } from '../sync/room-session.js'

export interface VotePlan {
  voters: number
  /** Rounds measured; each voter casts one vote per round, all voters at once. */
  rounds: number
  /** Rounds cast first and not measured: the journey and review rooms are loaded then. */
  warmUpRounds: number
  /** Quiet time between rounds, so each round starts on an idle server. */
  pauseMs: number
}

export interface VoteLatencyResult {
  touchpoints: number
  voters: number
  votes: number
  /** Vote-seen-by-another-voter pairs measured. */
  latency: LatencySummary
  /** Pairs never seen within the deadline. */
  missed: number
  /** Vote requests the server did not answer with 201. */
  refused: number
}

const SEEN_TIMEOUT_MS = 10_000

interface Voter {
  id: string
  name: string
  token: string
  doc: Y.Doc
  provider: WebsocketProvider
}

async function postJson(url: string, body: unknown, identity?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(identity ? { 'x-touchline-identity': identity } : {}),
    },
    body: JSON.stringify(body),
  })
}

async function register(server: RunningServer, name: string) {
  const response = await postJson(`${server.httpOrigin}/api/identity`, { name, color: '#2f6fdf' })
  const body = (await response.json()) as { identity?: { id: string }; token?: string }
  if (response.status !== 201 || !body.identity || !body.token) {
    throw new Error(`POST /api/identity -> ${response.status} ${JSON.stringify(body)}`)
  }
  return { id: body.identity.id, name, token: body.token }
}

function synced(provider: WebsocketProvider): Promise<void> {
  return withTimeout(
    new Promise<void>((resolve) => {
      if (provider.synced) resolve()
      else provider.once('sync', () => resolve())
    }),
    15_000,
    'a review socket did not sync within 15 s',
  )
}

function voterIdOf(vote: unknown): string | null {
  if (!(vote instanceof Y.Map)) return null
  const voter: unknown = vote.get('voter')
  if (typeof voter !== 'object' || voter === null || !('id' in voter)) return null
  return typeof voter.id === 'string' ? voter.id : null
}

export async function voteLatency(
  spec: ServerSpec,
  touchpoints: number,
  plan: VotePlan,
): Promise<VoteLatencyResult> {
  const server = await RunningServer.start(spec)
  const voters: Voter[] = []
  try {
    const journeyId = await importLargeJourney(server, touchpoints)
    const api = `${server.httpOrigin}/api/journeys/${journeyId}`
    const items = largeJourney(touchpoints).touchpoints.map((card) => ({
      touchpointId: card.id,
      itemId: null,
      list: null,
    }))
    const facilitator = await register(server, 'Facilitator')
    const author = { name: facilitator.name, color: '#2f6fdf' }
    const totalRounds = plan.warmUpRounds + plan.rounds
    const started = await postJson(
      `${api}/vote-sessions`,
      {
        title: 'Bench vote',
        items,
        votesPerPerson: Math.min(50, totalRounds),
        allowMultiplePerItem: true,
        hidden: false,
        author,
      },
      facilitator.token,
    )
    const session = (await started.json()) as { session?: { id: string } }
    if (started.status !== 201 || !session.session) {
      throw new Error(`starting the vote session -> ${started.status} ${JSON.stringify(session)}`)
    }
    const votesUrl = `${api}/vote-sessions/${session.session.id}/votes`

    // sentAt.get(voterId)[n]: when that voter's n-th vote was sent.
    const sentAt = new Map<string, number[]>()
    const histogram = new LatencyHistogram()
    let measuring = false
    let seen = 0
    for (let n = 0; n < plan.voters; n++) {
      const identity = await register(server, `Voter ${n + 1}`)
      const doc = new Y.Doc()
      const provider = new WebsocketProvider(`${server.origin}/sync`, `${journeyId}/review`, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      })
      const seenPerVoter = new Map<string, number>()
      doc.getMap('votes').observe((event) => {
        const now = performance.now()
        for (const [key, change] of event.changes.keys) {
          if (change.action !== 'add') continue
          const voterId = voterIdOf(doc.getMap('votes').get(key))
          if (voterId === null || voterId === identity.id) continue
          const nth = seenPerVoter.get(voterId) ?? 0
          seenPerVoter.set(voterId, nth + 1)
          const sent = sentAt.get(voterId)?.[nth]
          if (measuring && sent !== undefined && nth >= plan.warmUpRounds) {
            histogram.recordMs(now - sent)
            seen += 1
          }
        }
      })
      voters.push({ ...identity, doc, provider })
    }
    await Promise.all(voters.map((voter) => synced(voter.provider)))

    let refused = 0
    let cast = 0
    for (let round = 0; round < totalRounds; round++) {
      measuring = round >= plan.warmUpRounds
      await Promise.all(
        voters.map(async (voter, index) => {
          const item = items[(round * plan.voters + index) % items.length]
          const times = sentAt.get(voter.id) ?? []
          sentAt.set(voter.id, times)
          times.push(performance.now())
          const response = await postJson(
            votesUrl,
            { item, author: { name: voter.name, color: '#2f6fdf' } },
            voter.token,
          )
          await response.arrayBuffer()
          if (response.status !== 201) refused += 1
          else if (round >= plan.warmUpRounds) cast += 1
        }),
      )
      await new Promise((resolve) => setTimeout(resolve, plan.pauseMs))
    }
    const expected = cast * (plan.voters - 1)
    const deadline = performance.now() + SEEN_TIMEOUT_MS
    while (seen < expected && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    return {
      touchpoints,
      voters: plan.voters,
      votes: cast,
      latency: histogram.summary(),
      missed: expected - seen,
      refused,
    }
  } finally {
    for (const voter of voters) {
      voter.provider.destroy()
      voter.doc.destroy()
    }
    await server.stop()
  }
}
