import type { Awareness } from 'y-protocols/awareness'

/** A point in flow coordinates, so it lands on the same spot of the map whatever the zoom. */
export interface FlowPoint {
  x: number
  y: number
}

/** What this editor publishes about its person through awareness (never persisted). */
export interface PresenceState {
  /** `id` is the server-issued participant id; absent from older clients and before it is issued. */
  user?: { id?: string | null; name: string; color: string }
  cursor?: FlowPoint | null
  /** Ids of the touchpoints, connections or stage this person has selected. */
  selection?: string[]
}

export interface Peer {
  clientId: number
  /** The participant id, or null when the peer has none (yet). */
  id: string | null
  name: string
  color: string
  cursor: FlowPoint | null
  selection: string[]
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function readPoint(value: unknown): FlowPoint | null {
  if (!isRecord(value)) return null
  const { x, y } = value
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)
    ? { x, y }
    : null
}

/**
 * Everyone else on this journey, read defensively: awareness states come from other browsers
 * and may be from an older or newer version of the app.
 */
export function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = []
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID || !isRecord(state)) continue
    const user = isRecord(state.user) ? state.user : null
    if (!user || typeof user.name !== 'string' || typeof user.color !== 'string') continue
    const selection = Array.isArray(state.selection)
      ? state.selection.filter((id): id is string => typeof id === 'string')
      : []
    peers.push({
      clientId,
      id: typeof user.id === 'string' && user.id ? user.id : null,
      name: user.name,
      color: user.color,
      cursor: readPoint(state.cursor),
      selection,
    })
  }
  return peers.sort((a, b) => a.clientId - b.clientId)
}
