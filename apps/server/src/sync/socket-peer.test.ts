import { describe, expect, it } from 'vitest'
import { closeReason } from './socket-peer.js'

describe('closeReason', () => {
  it('keeps short reasons and cuts long ones to 123 bytes of UTF-8', () => {
    expect(closeReason('journey deleted')).toBe('journey deleted')
    const long = 'Ce parcours a été enregistré par une version plus récente de Touchline. '.repeat(
      3,
    )
    const cut = closeReason(long)
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(123)
    expect(cut.endsWith('…')).toBe(true)
    expect(long.startsWith(cut.slice(0, -1))).toBe(true)
  })
})
