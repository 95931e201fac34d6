// Command line: `pnpm bench [-- --quick] [--only sync,storm] [--servers touchline,hocuspocus]
// [--workloads 1x50] [--sizes 2000] [--profile]`. Unknown flags are an error, so a typo never runs the wrong benchmark.
import type { ServerId } from './servers/server-specs.js'

export const CANVAS_SIZES = [500, 2000, 5000] as const

export const SUITES = ['sync', 'storm', 'cold', 'review', 'model', 'canvas'] as const
export type Suite = (typeof SUITES)[number]

export interface Options {
  quick: boolean
  suites: Suite[]
  servers: ServerId[] | null
  workloads: string[] | null
  /** Canvas journey sizes (touchpoints); null: all of CANVAS_SIZES. */
  sizes: number[] | null
  /** Write a V8 CPU profile of every server process under bench/results/profiles/. */
  profile: boolean
}

export const USAGE = `usage: pnpm bench [-- [--quick] [--only <suite,...>] [--servers <id,...>] [--workloads <id,...>] [--sizes <n,...>]]
  --quick        short windows and fewer steps: the whole run takes under 5 minutes
  --only         suites to run: ${SUITES.join(', ')} (default: all)
  --servers      touchline, touchline-memory, y-websocket-server, hocuspocus, ws-relay,
                 transfer-ceiling (join storm only)
  --workloads    10x5, 1x50, 100x2, 1x200
  --sizes        canvas journey sizes in touchpoints: ${CANVAS_SIZES.join(', ')} (default: all)
  --profile      write a CPU profile of each server process to bench/results/profiles/`

const SERVER_IDS: readonly ServerId[] = [
  'touchline',
  'touchline-memory',
  'y-websocket-server',
  'hocuspocus',
  'ws-relay',
  'transfer-ceiling',
]

function isSuite(value: string): value is Suite {
  return (SUITES as readonly string[]).includes(value)
}

function isServerId(value: string): value is ServerId {
  return (SERVER_IDS as readonly string[]).includes(value)
}

function list(value: string | undefined, flag: string): string[] {
  if (!value || value.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`)
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
}

export function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    quick: false,
    suites: [...SUITES],
    servers: null,
    workloads: null,
    sizes: null,
    profile: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    // pnpm forwards the `--` separator itself on some versions.
    if (arg === '--') continue
    if (arg === '--quick') options.quick = true
    else if (arg === '--profile') options.profile = true
    else if (arg === '--only') {
      const suites = list(argv[++i], arg)
      const unknown = suites.filter((suite) => !isSuite(suite))
      if (unknown.length > 0) throw new Error(`unknown suite ${unknown.join(', ')}\n${USAGE}`)
      options.suites = suites.filter(isSuite)
    } else if (arg === '--servers') {
      const servers = list(argv[++i], arg)
      const unknown = servers.filter((server) => !isServerId(server))
      if (unknown.length > 0) throw new Error(`unknown server ${unknown.join(', ')}\n${USAGE}`)
      options.servers = servers.filter(isServerId)
    } else if (arg === '--workloads') {
      options.workloads = list(argv[++i], arg)
    } else if (arg === '--sizes') {
      const sizes = list(argv[++i], arg).map(Number)
      const unknown = sizes.filter((size) => !(CANVAS_SIZES as readonly number[]).includes(size))
      if (unknown.length > 0) throw new Error(`unknown canvas size ${unknown.join(', ')}\n${USAGE}`)
      options.sizes = sizes
    } else if (arg === '--help' || arg === '-h') {
      throw new Error(USAGE)
    } else {
      throw new Error(`unknown argument ${arg}\n${USAGE}`)
    }
  }
  return options
}
