import { pino } from 'pino'
import type { LogLevel } from './config.js'

export type Logger = pino.Logger

/**
 * One JSON object per line on stdout, for whatever collects the process's output. Tests
 * pass `silent` (the default under vitest) so they print nothing.
 */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'touchline' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  }
  return destination ? pino(options, destination) : pino(options)
}
