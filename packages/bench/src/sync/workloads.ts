export interface Workload {
  id: string
  label: string
  rooms: number
  clientsPerRoom: number
  /** Share of clients dragging a card. */
  dragShare: number
  /** Drag updates per second per dragging client, at the base step. */
  dragHz: number
  /** Cursor awareness updates per second, from every client. */
  cursorHz: number
}

const base = { dragShare: 0.2, dragHz: 30, cursorHz: 10 }

export const WORKLOADS: readonly Workload[] = [
  { id: '10x5', label: '10 rooms x 5 clients', rooms: 10, clientsPerRoom: 5, ...base },
  { id: '1x50', label: '1 room x 50 clients', rooms: 1, clientsPerRoom: 50, ...base },
  { id: '100x2', label: '100 rooms x 2 clients', rooms: 100, clientsPerRoom: 2, ...base },
  { id: '1x200', label: '1 room x 200 clients', rooms: 1, clientsPerRoom: 200, ...base },
]

/** Dragging clients in a room: 20%, and at least one so every room has document traffic. */
export function draggersPerRoom(workload: Workload): number {
  return Math.max(1, Math.round(workload.clientsPerRoom * workload.dragShare))
}
