// Preloaded (`node --import`) into every server process under test, so event-loop delay is
// measured the same way inside each of them. It talks to the harness only over the IPC
// channel, and only when the harness spawned the process with one.
import { monitorEventLoopDelay } from 'node:perf_hooks'

interface LoopDelayRequest {
  type: 'bench:loop-reset' | 'bench:loop-report'
}

function isRequest(message: unknown): message is LoopDelayRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    'type' in message &&
    (message.type === 'bench:loop-reset' || message.type === 'bench:loop-report')
  )
}

if (process.send) {
  // 10 ms sampling resolution is the finest that does not itself load a busy loop.
  const resolutionMs = 10
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs })
  histogram.enable()
  process.on('message', (message: unknown) => {
    if (!isRequest(message)) return
    if (message.type === 'bench:loop-reset') {
      histogram.reset()
      return
    }
    // The histogram records the time between timer runs, which includes the resolution itself.
    const ms = (ns: number) => Math.max(0, ns / 1e6 - resolutionMs)
    process.send?.({
      type: 'bench:loop',
      p50: ms(histogram.percentile(50)),
      p99: ms(histogram.percentile(99)),
      max: ms(histogram.max),
      mean: ms(histogram.mean),
    })
  })
  // The IPC channel must not keep a server alive that would otherwise exit.
  process.channel?.unref()
}

// A server with no SIGTERM handler of its own would die without running exit hooks, and
// `--cpu-prof` writes its profile in one: exit the ordinary way instead.
process.on('SIGTERM', () => {
  if (process.listenerCount('SIGTERM') === 1) process.exit(0)
})
