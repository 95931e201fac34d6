import type { ServerConfig } from '../config.js'
import type { Logger } from '../log.js'
import { type FanOut, LocalFanOut } from './fan-out.js'
import { RedisFanOut } from './redis-fan-out.js'

export type OpenedFanOut = { fanOut: FanOut; close(): Promise<void> }

/**
 * Redis pub/sub when `REDIS_URL` is set (several instances), otherwise the in-process bus.
 * Channels are named after the PostgreSQL schema, so deployments sharing one Redis but
 * storing in different schemas never hear each other.
 */
export async function openFanOut(config: ServerConfig, logger: Logger): Promise<OpenedFanOut> {
  if (config.redisUrl === undefined) return { fanOut: new LocalFanOut(), close: async () => {} }
  const fanOut = await RedisFanOut.connect(config.redisUrl, {
    channelPrefix: `touchline:${config.postgresSchema}:journey:`,
    connectionName: `touchline-${config.postgresSchema}`,
    logger,
  })
  return { fanOut, close: () => fanOut.close() }
}
