// A worker thread holding some of the voters' review documents, each through the stock
// y-websocket client as the voter's browser would. Thirty browsers do not share one event
// loop, so the harness spreads them over a few threads; the thread that sends the votes
// then never waits for documents to apply updates, nor they for it.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { parentPort, workerData } from 'node:worker_threads'
import { watchVotes } from '../review/watch-votes.js'
import type { WatcherReport, WatcherSetup } from '../review/watcher-protocol.js'
import { type StockClient, stockClient } from '../sync/stock-client.js'

const LOOP_RESOLUTION_MS = 10

const port = parentPort
if (!port) throw new Error('vote-watchers runs as a worker thread')
const setup = workerData as WatcherSetup
const send = (report: WatcherReport) => port.postMessage(report)
const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS })

const clients: StockClient[] = setup.watchers.map((ownIds) => {
  const own = new Set(ownIds)
  const client = stockClient(setup.syncUrl, setup.room)
  watchVotes(client.doc, setup.ballots, (voterId, subject) => {
    // Absolute time, comparable with the sending thread's clock.
    if (!own.has(voterId))
      send({ type: 'seen', voterId, subject, at: performance.timeOrigin + performance.now() })
  })
  return client
})

port.on('message', (message: unknown) => {
  if (message === 'measure') {
    loop.reset()
    loop.enable()
    return
  }
  if (message !== 'stop') return
  loop.disable()
  for (const client of clients) client.destroy()
  send({
    type: 'stopped',
    loopDelayP99Ms: Math.max(0, loop.percentile(99) / 1e6 - LOOP_RESOLUTION_MS),
  })
  port.close()
})

Promise.all(clients.map((client) => client.synced())).then(
  () => send({ type: 'ready' }),
  (error: unknown) =>
    send({ type: 'failed', error: error instanceof Error ? error.message : String(error) }),
)
