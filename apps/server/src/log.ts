import { pino } from 'pino'
import type { LogLevel } from './config.js'

export type Logger = pino.Logger

/**
 * One JSON object per line on stdout, for whatever collects the process's output. Tests
 * pass `silent` (the default under vitest) so they print nothing. Writes are synchronous:
 * the server logs little, and the last lines before a crash are the ones that matter.
 */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'touchline' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  }
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }))
}
