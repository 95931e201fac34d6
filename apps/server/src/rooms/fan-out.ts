/**
 * How a room hears about changes made through other server instances. Each instance
 * publishes what its own clients changed (after storing it); every other instance with the
 * journey loaded applies it and forwards it to its clients. In one process this is an
 * in-memory bus; several instances use Redis pub/sub (`redis-fan-out.ts`).
 */
export type FanOutMessage =
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'deleted' }
  /**
   * From the fan-out itself, never published: messages may have been lost (the bus was
   * unreachable for a while), so a subscriber should catch up from storage.
   */
  | { kind: 'resync' }

export type FanOutListener = (message: FanOutMessage) => void

export type FanOutSubscription = {
  /**
   * Settles once messages published from now on are sure to arrive (a network round trip
   * for a remote bus). A room reads storage only after this, so nothing published between
   * its read and its subscription can slip past it. Rejects when subscribing failed.
   */
  ready: Promise<void>
  unsubscribe(): void
}

export interface FanOut {
  /** Listens to a journey's messages published by every instance but `instanceId`. */
  subscribe(journeyId: string, instanceId: string, listener: FanOutListener): FanOutSubscription
  publish(journeyId: string, instanceId: string, message: FanOutMessage): void
}

/** The in-process bus: rooms of several registries in one process (tests) see each other. */
export class LocalFanOut implements FanOut {
  readonly #subscribers = new Map<string, Set<{ instanceId: string; listener: FanOutListener }>>()

  subscribe(journeyId: string, instanceId: string, listener: FanOutListener): FanOutSubscription {
    let set = this.#subscribers.get(journeyId)
    if (!set) {
      set = new Set()
      this.#subscribers.set(journeyId, set)
    }
    const subscription = { instanceId, listener }
    set.add(subscription)
    const unsubscribe = () => {
      set.delete(subscription)
      if (set.size === 0 && this.#subscribers.get(journeyId) === set) {
        this.#subscribers.delete(journeyId)
      }
    }
    return { ready: Promise.resolve(), unsubscribe }
  }

  publish(journeyId: string, instanceId: string, message: FanOutMessage): void {
    const set = this.#subscribers.get(journeyId)
    if (!set) return
    for (const { instanceId: other, listener } of [...set]) {
      if (other !== instanceId) listener(message)
    }
  }
}
