import { describe, expect, it } from 'vitest'
import { formatCountdown } from './countdown'

describe('formatCountdown', () => {
  it('shows minutes and seconds, with hours once there are any', () => {
    expect(formatCountdown(245_000)).toBe('4:05')
    expect(formatCountdown(3_750_000)).toBe('1:02:30')
    expect(formatCountdown(59_000)).toBe('0:59')
  })

  it('rounds up to the second and stops at zero', () => {
    expect(formatCountdown(100)).toBe('0:01')
    expect(formatCountdown(0)).toBe('0:00')
    expect(formatCountdown(-5_000)).toBe('0:00')
  })
})
