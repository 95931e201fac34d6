import type { Peer } from '../presence/peers'
import type { PeerSelections } from './flow-nodes'

/** Inverts the peers' selections: entity id -> who has it selected. */
export function peerSelections(peers: readonly Peer[]): PeerSelections {
  const map = new Map<string, { colors: string[]; names: string[] }>()
  for (const peer of peers) {
    for (const id of peer.selection) {
      const entry = map.get(id) ?? { colors: [], names: [] }
      entry.colors.push(peer.color)
      entry.names.push(peer.name)
      map.set(id, entry)
    }
  }
  return map
}
