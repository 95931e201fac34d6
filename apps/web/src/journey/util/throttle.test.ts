import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { throttle } from './throttle'

describe('throttle', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('runs the first call at once and the latest of a burst once the interval passes', () => {
    const calls: number[] = []
    const t = throttle((n: number) => calls.push(n), 50)
    t(1)
    t(2)
    t(3)
    expect(calls).toEqual([1])
    vi.advanceTimersByTime(50)
    expect(calls).toEqual([1, 3])
  })

  it('flush delivers the pending call now and cancel drops it', () => {
    const calls: number[] = []
    const t = throttle((n: number) => calls.push(n), 50)
    t(1)
    t(2)
    t.flush()
    expect(calls).toEqual([1, 2])
    t(3)
    t.cancel()
    vi.advanceTimersByTime(100)
    expect(calls).toEqual([1, 2])
  })
})
