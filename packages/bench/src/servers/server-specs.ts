// The servers compared, each started as its own Node process with the same event-loop
// probe preloaded. Touchline is run from its build, exactly as `pnpm start` runs it.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { childrenDist, touchlineCli } from '../paths.js'
import { type Framing, hocuspocusFraming, plainFraming } from '../sync/framing.js'

export type ServerId =
  | 'touchline'
  | 'touchline-memory'
  | 'y-websocket-server'
  | 'hocuspocus'
  | 'ws-relay'
  | 'transfer-ceiling'

/**
 * `ceiling` relays without keeping state (the sync suite's reference); `transfer-ceiling`
 * answers every sync with one kept buffer (the join storm's reference) and takes no part
 * in the sync suite, where it would only be a second relay.
 */
export type ServerRole = 'touchline' | 'peer' | 'ceiling' | 'transfer-ceiling'

export interface ServerSpec {
  id: ServerId
  label: string
  role: ServerRole
  /** Whether the server keeps document state (and so answers a sync request itself). */
  stateful: boolean
  framing: Framing
  /** Why the server cannot run here, or null. */
  unavailable(): string | null
  /** Node arguments after the preload, and extra environment. */
  launch(dataDir: string): { args: string[]; env: Record<string, string> }
  /** The socket URL for a room on a server listening at `origin` (ws://host:port). */
  socketUrl(origin: string, room: string): string
  /** Touchline refuses unknown journeys: rooms are created over its API first. */
  createsRoomsOverHttp: boolean
}

const require = createRequire(import.meta.url)

function touchline(id: ServerId, label: string, storage: 'sqlite' | 'memory'): ServerSpec {
  return {
    id,
    label,
    role: 'touchline',
    stateful: true,
    framing: plainFraming,
    unavailable: () =>
      existsSync(touchlineCli)
        ? null
        : `${touchlineCli} is missing: build the server first (pnpm --filter @touchline/server build)`,
    launch: (dataDir) => ({
      args: [touchlineCli, 'serve'],
      env: {
        TOUCHLINE_DATA_DIR: dataDir,
        TOUCHLINE_STORAGE: storage,
        LOG_LEVEL: 'warn',
        // Abuse guards, not capacity limits: the whole load comes from one address, and the
        // step-up drives single sockets beyond any human rate. The peers have neither guard.
        TOUCHLINE_MAX_CONNECTIONS_PER_IP: '100000',
        TOUCHLINE_RATE_LIMIT: '1000000',
        // The 10,000-touchpoint journey of the join storm is seeded as one ~10 MiB update, over
        // the 8 MiB default; the peers accept messages up to 100 MiB.
        TOUCHLINE_MAX_MESSAGE_BYTES: String(64 * 2 ** 20),
      },
    }),
    socketUrl: (origin, room) => `${origin}/sync/${encodeURIComponent(room)}`,
    createsRoomsOverHttp: true,
  }
}

export const SERVER_SPECS: readonly ServerSpec[] = [
  touchline('touchline', 'Touchline (SQLite)', 'sqlite'),
  touchline('touchline-memory', 'Touchline (memory)', 'memory'),
  {
    id: 'y-websocket-server',
    label: '@y/websocket-server 0.1.1',
    role: 'peer',
    stateful: true,
    framing: plainFraming,
    unavailable: () => null,
    launch: () => ({
      // Its own start script (`npm start` runs src/server.js): in memory, no persistence.
      args: [join(require.resolve('@y/websocket-server/package.json'), '..', 'src', 'server.js')],
      env: {},
    }),
    socketUrl: (origin, room) => `${origin}/${encodeURIComponent(room)}`,
    createsRoomsOverHttp: false,
  },
  {
    id: 'hocuspocus',
    label: '@hocuspocus/server 3.4.4',
    role: 'peer',
    stateful: true,
    framing: hocuspocusFraming,
    unavailable: () => null,
    launch: () => ({ args: [join(childrenDist, 'hocuspocus-server.js')], env: {} }),
    socketUrl: (origin) => origin,
    createsRoomsOverHttp: false,
  },
  {
    id: 'ws-relay',
    label: 'raw ws relay (ceiling)',
    role: 'ceiling',
    stateful: false,
    framing: plainFraming,
    unavailable: () => null,
    launch: () => ({ args: [join(childrenDist, 'ws-relay.js')], env: {} }),
    socketUrl: (origin, room) => `${origin}/${encodeURIComponent(room)}`,
    createsRoomsOverHttp: false,
  },
  {
    id: 'transfer-ceiling',
    label: 'raw transfer ceiling (kept bytes, no Yjs)',
    role: 'transfer-ceiling',
    stateful: true,
    framing: plainFraming,
    unavailable: () => null,
    launch: () => ({ args: [join(childrenDist, 'transfer-ceiling.js')], env: {} }),
    socketUrl: (origin, room) => `${origin}/${encodeURIComponent(room)}`,
    createsRoomsOverHttp: false,
  },
]
