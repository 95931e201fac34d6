import { describe, expect, it } from 'vitest'
import { isLoopbackHost } from './loopback.js'

describe('isLoopbackHost', () => {
  it('knows loopback binds', () => {
    for (const host of [
      '127.0.0.1',
      '127.1.2.3',
      'localhost',
      '::1',
      '[::1]',
      '::ffff:127.0.0.1',
    ]) {
      expect(isLoopbackHost(host)).toBe(true)
    }
  })

  it('treats everything else as reachable from the network', () => {
    for (const host of ['0.0.0.0', '::', '192.168.0.2', '10.0.0.1', 'example.com', '128.0.0.1']) {
      expect(isLoopbackHost(host)).toBe(false)
    }
  })
})
