const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 } as const

/** Tokens are for sharing a journey, not for permanent access: a year is the ceiling. */
export const MAX_TTL_SECONDS = 366 * 86_400

const PATTERN = /^(\d{1,7})(s|m|h|d|w)$/

/**
 * Parses a time-to-live such as `90s`, `30m`, `12h`, `7d` or `2w` into seconds.
 * Returns an error message instead of throwing so callers can report it in their own way.
 */
export function parseTtl(input: string | number): { seconds: number } | { error: string } {
  let seconds: number
  if (typeof input === 'number') {
    seconds = input
  } else {
    const match = PATTERN.exec(input.trim())
    if (!match) {
      return { error: `invalid ttl "${input}": use a number and a unit, e.g. 30m, 12h, 7d, 2w` }
    }
    const unit = match[2] as keyof typeof UNIT_SECONDS
    seconds = Number(match[1]) * UNIT_SECONDS[unit]
  }
  if (!Number.isInteger(seconds) || seconds <= 0) {
    return { error: 'ttl must be a positive whole number of seconds' }
  }
  if (seconds > MAX_TTL_SECONDS) {
    return { error: 'ttl must be at most 366d' }
  }
  return { seconds }
}
