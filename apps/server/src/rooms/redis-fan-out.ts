import { Redis } from 'ioredis'
import type { Logger } from '../log.js'
import { redactUrl } from '../storage/redact-url.js'
import type { FanOut, FanOutListener, FanOutMessage, FanOutSubscription } from './fan-out.js'

const KINDS = ['update', 'awareness', 'deleted', 'resync'] as const

type Subscription = { instanceId: string; listener: FanOutListener }

/** This instance's listeners on one channel, and when Redis confirmed the channel. */
type Channel = { subscriptions: Set<Subscription>; ready: Promise<void> }

/**
 * One frame on the wire: kind, the publishing instance (so it can ignore its own), payload.
 * Binary, because the payloads are Yjs updates and base64 would cost a third more.
 */
export function encodeFanOutMessage(instanceId: string, message: FanOutMessage): Buffer {
  const id = Buffer.from(instanceId, 'utf8')
  if (id.length > 255) throw new Error('instance id longer than 255 bytes')
  const payload =
    message.kind === 'deleted' || message.kind === 'resync' ? new Uint8Array(0) : message.update
  const frame = Buffer.allocUnsafe(2 + id.length + payload.length)
  frame[0] = KINDS.indexOf(message.kind)
  frame[1] = id.length
  id.copy(frame, 2)
  frame.set(payload, 2 + id.length)
  return frame
}

export function decodeFanOutMessage(
  frame: Buffer,
): { instanceId: string; message: FanOutMessage } | null {
  if (frame.length < 2) return null
  const kind = KINDS[frame[0] ?? -1]
  const idEnd = 2 + (frame[1] ?? 0)
  if (kind === undefined || frame.length < idEnd) return null
  const instanceId = frame.toString('utf8', 2, idEnd)
  if (kind === 'deleted' || kind === 'resync') return { instanceId, message: { kind } }
  // A copy, not a view: the listener keeps updates beyond this message's buffer.
  return { instanceId, message: { kind, update: new Uint8Array(frame.subarray(idEnd)) } }
}

/**
 * Fan-out between server instances over Redis pub/sub: one channel per journey, subscribed
 * while at least one room of this instance has the journey loaded. One connection
 * publishes; a second one, which Redis dedicates to subscriptions, receives. Every
 * instance, this one included, hears each message once, and hands it to the local
 * subscribers registered under another instance id.
 */
export class RedisFanOut implements FanOut {
  readonly #publisher: Redis
  readonly #subscriber: Redis
  readonly #prefix: string
  readonly #logger: Logger
  readonly #channels = new Map<string, Channel>()

  /**
   * Connects both connections, failing fast when Redis cannot be reached at start; later
   * drops are retried by the client, which also renews the subscriptions.
   */
  static async connect(
    url: string,
    options: { channelPrefix: string; logger: Logger; connectionName?: string },
  ): Promise<RedisFanOut> {
    const connect = async (role: string): Promise<Redis> => {
      const client = new Redis(url, {
        lazyConnect: true,
        maxRetriesPerRequest: null,
        // Shown by CLIENT LIST, so operators can tell the connections apart.
        connectionName: `${options.connectionName ?? 'touchline'}-${role}`,
      })
      // Without a listener a dropped connection would crash the process; the client
      // reconnects by itself.
      let lastError: Error | undefined
      client.on('error', (error: Error) => {
        lastError = error
        options.logger.warn({ err: error.message }, 'redis error')
      })
      try {
        await client.connect()
      } catch (error) {
        client.disconnect()
        // The socket's own error says more than "connection is closed".
        const reason = (lastError ?? (error as Error)).message
        throw new Error(`cannot connect to Redis at ${redactUrl(url)}: ${reason}`)
      }
      return client
    }
    const publisher = await connect('publisher')
    try {
      return new RedisFanOut(publisher, await connect('subscriber'), options)
    } catch (error) {
      publisher.disconnect()
      throw error
    }
  }

  private constructor(
    publisher: Redis,
    subscriber: Redis,
    options: { channelPrefix: string; logger: Logger },
  ) {
    this.#publisher = publisher
    this.#subscriber = subscriber
    this.#prefix = options.channelPrefix
    this.#logger = options.logger
    // `ready` again means the connection was lost and is back: whatever was published
    // meanwhile is gone, so once the channels are subscribed again every room catches up.
    subscriber.on('ready', () => void this.#resubscribe())
    subscriber.on('messageBuffer', (channel: Buffer, frame: Buffer) =>
      this.#deliver(channel.toString('utf8'), frame),
    )
  }

  subscribe(journeyId: string, instanceId: string, listener: FanOutListener): FanOutSubscription {
    const name = this.#channel(journeyId)
    let channel = this.#channels.get(name)
    if (!channel) {
      const ready = this.#subscriber.subscribe(name).then(
        () => {},
        (error: Error) => {
          this.#logger.error({ journey: journeyId, err: error.message }, 'redis subscribe failed')
          throw new Error(`cannot subscribe to journey ${journeyId} on Redis: ${error.message}`)
        },
      )
      // A failure is reported to whoever awaits `ready`, not as an unhandled rejection.
      ready.catch(() => {})
      channel = { subscriptions: new Set(), ready }
      this.#channels.set(name, channel)
    }
    const subscription = { instanceId, listener }
    const { subscriptions } = channel
    subscriptions.add(subscription)
    const current = channel
    const unsubscribe = () => {
      subscriptions.delete(subscription)
      if (subscriptions.size > 0 || this.#channels.get(name) !== current) return
      this.#channels.delete(name)
      this.#subscriber.unsubscribe(name).catch((error: Error) => {
        this.#logger.warn({ journey: journeyId, err: error.message }, 'redis unsubscribe failed')
      })
    }
    return { ready: channel.ready, unsubscribe }
  }

  publish(journeyId: string, instanceId: string, message: FanOutMessage): void {
    this.#publisher
      .publish(this.#channel(journeyId), encodeFanOutMessage(instanceId, message))
      .catch((error: Error) => {
        this.#logger.error({ journey: journeyId, err: error.message }, 'redis publish failed')
      })
  }

  async close(): Promise<void> {
    this.#channels.clear()
    await Promise.all([this.#publisher.quit(), this.#subscriber.quit()])
  }

  async #resubscribe(): Promise<void> {
    const names = [...this.#channels.keys()]
    if (names.length === 0) return
    try {
      await this.#subscriber.subscribe(...names)
    } catch (error) {
      this.#logger.error({ err: (error as Error).message }, 'redis resubscribe failed')
      return
    }
    this.#logger.warn({ journeys: names.length }, 'redis reconnected; catching up from storage')
    for (const name of names) {
      for (const { listener } of [...(this.#channels.get(name)?.subscriptions ?? [])]) {
        listener({ kind: 'resync' })
      }
    }
  }

  #channel(journeyId: string): string {
    return `${this.#prefix}${journeyId}`
  }

  #deliver(channel: string, frame: Buffer): void {
    const subscriptions = this.#channels.get(channel)?.subscriptions
    if (!subscriptions) return
    const decoded = decodeFanOutMessage(frame)
    if (!decoded) {
      this.#logger.warn({ channel }, 'ignored a malformed fan-out message')
      return
    }
    for (const { instanceId, listener } of [...subscriptions]) {
      if (instanceId !== decoded.instanceId) listener(decoded.message)
    }
  }
}
