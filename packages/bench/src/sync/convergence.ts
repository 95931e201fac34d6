// Convergence: at the end of a window every client of a room must hold the same state
// vector, and, on servers that keep state, a client joining afresh must get that same state
// vector from the server.
import * as Y from 'yjs'
import type { RunningServer } from '../servers/running-server.js'
import { DeliveryStats } from './delivery-stats.js'
import { SendLedger } from './send-ledger.js'
import { SimClient } from './sim-client.js'

export interface Convergence {
  ok: boolean
  rooms: number
  /** Clients whose state vector differs from their room's first client. */
  divergedClients: number
  /** Rooms where a fresh client got a different state vector from the server. */
  serverMismatches: number
}

function sameVector(a: Map<number, number>, b: Map<number, number>): boolean {
  if (a.size !== b.size) return false
  for (const [client, clock] of a) if (b.get(client) !== clock) return false
  return true
}

export interface ServerState {
  vector: Map<number, number>
  /** The sync step 2 payloads as the server sent them. */
  payloads: Uint8Array[]
}

/** What a fresh client gets from the server for `room`. */
export async function serverState(server: RunningServer, room: string): Promise<ServerState> {
  const verifier = new SimClient({
    url: server.socketUrl(room),
    room,
    framing: server.spec.framing,
    ledger: new SendLedger(),
    stats: new DeliveryStats(),
    dragsCards: false,
    deferSyncRead: true,
  })
  await verifier.connect()
  await verifier.whenSynced()
  await verifier.close()
  const payloads = verifier.takeUnreadSync()
  for (const payload of payloads) {
    verifier.tracker.merge(Y.decodeStateVector(Y.encodeStateVectorFromUpdate(payload)))
  }
  return { vector: verifier.tracker.snapshot(), payloads }
}

export async function serverStateVector(
  server: RunningServer,
  room: string,
): Promise<Map<number, number>> {
  return (await serverState(server, room)).vector
}

export async function verifyConvergence(
  server: RunningServer,
  rooms: readonly string[],
  clients: readonly SimClient[][],
): Promise<Convergence> {
  let divergedClients = 0
  let serverMismatches = 0
  for (let r = 0; r < rooms.length; r++) {
    const members = clients[r] ?? []
    const room = rooms[r]
    const reference = members[0]?.tracker.snapshot()
    if (!reference || room === undefined) continue
    for (const client of members) {
      if (!sameVector(client.tracker.snapshot(), reference)) divergedClients += 1
    }
    if (server.spec.stateful && !sameVector(await serverStateVector(server, room), reference)) {
      serverMismatches += 1
    }
  }
  return {
    ok: divergedClients === 0 && serverMismatches === 0,
    rooms: rooms.length,
    divergedClients,
    serverMismatches,
  }
}
