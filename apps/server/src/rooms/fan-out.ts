/**
 * How a room hears about changes made through other server instances. Each instance
 * publishes what its own clients changed (after storing it); every other instance with the
 * journey loaded applies it and forwards it to its clients. In one process this is an
 * in-memory bus; several instances would put Redis pub/sub behind the same interface.
 */
export type FanOutMessage =
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'deleted' }

export type FanOutListener = (message: FanOutMessage) => void

export interface FanOut {
  /** Listens to a journey's messages published by every instance but `instanceId`. */
  subscribe(journeyId: string, instanceId: string, listener: FanOutListener): () => void
  publish(journeyId: string, instanceId: string, message: FanOutMessage): void
}

/** The in-process bus: rooms of several registries in one process (tests) see each other. */
export class LocalFanOut implements FanOut {
  readonly #subscribers = new Map<string, Set<{ instanceId: string; listener: FanOutListener }>>()

  subscribe(journeyId: string, instanceId: string, listener: FanOutListener): () => void {
    let set = this.#subscribers.get(journeyId)
    if (!set) {
      set = new Set()
      this.#subscribers.set(journeyId, set)
    }
    const subscription = { instanceId, listener }
    set.add(subscription)
    return () => {
      set.delete(subscription)
      if (set.size === 0 && this.#subscribers.get(journeyId) === set) {
        this.#subscribers.delete(journeyId)
      }
    }
  }

  publish(journeyId: string, instanceId: string, message: FanOutMessage): void {
    const set = this.#subscribers.get(journeyId)
    if (!set) return
    for (const { instanceId: other, listener } of [...set]) {
      if (other !== instanceId) listener(message)
    }
  }
}
