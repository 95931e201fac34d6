import { describe, expect, it } from 'vitest'
import { isPermanentClose, refusalFor } from './close-reasons.js'

describe('close reasons', () => {
  it('explains the server’s refusals and stops retrying them', () => {
    for (const code of [1008, 4400, 4401, 4403, 4404, 4410, 4422]) {
      expect(isPermanentClose(code), String(code)).toBe(true)
      expect(refusalFor(code)?.message, String(code)).toBeTruthy()
    }
    expect(refusalFor(4410)?.title).toBe('Journey deleted')
    expect(refusalFor(4403)?.title).toBe('Link revoked')
  })

  it('says an editor revoked the link, and never retries it', () => {
    expect(isPermanentClose(4403)).toBe(true)
    expect(refusalFor(4403)?.message).toMatch(/^This link was revoked by an editor/)
  })

  it('keeps retrying after shutdowns, overload and rate limits', () => {
    for (const code of [1000, 1001, 1006, 1011, 1013, 4429, 4500]) {
      expect(isPermanentClose(code), String(code)).toBe(false)
      expect(refusalFor(code), String(code)).toBeNull()
    }
  })

  it('still explains an unknown permanent code', () => {
    expect(refusalFor(4499)?.message).toContain('4499')
  })

  it('explains a refused token, which browsers only learn from the REST API', () => {
    expect(refusalFor(401)?.title).toBe('Access denied')
    expect(isPermanentClose(401)).toBe(false)
  })
})
