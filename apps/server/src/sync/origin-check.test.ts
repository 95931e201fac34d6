import { describe, expect, it } from 'vitest'
import { originAllowed } from './origin-check.js'

describe('originAllowed', () => {
  it('allows clients without an Origin, the same host, and listed origins', () => {
    expect(originAllowed(undefined, 'localhost:8787', [])).toBe(true)
    expect(originAllowed('http://localhost:8787', 'localhost:8787', [])).toBe(true)
    expect(
      originAllowed('https://app.example.com', 'sync.example.com', ['https://app.example.com']),
    ).toBe(true)
    expect(originAllowed('https://anything.test', 'x', ['*'])).toBe(true)
  })

  it('refuses other origins and garbage', () => {
    expect(originAllowed('https://evil.test', 'localhost:8787', [])).toBe(false)
    expect(
      originAllowed('http://localhost:5173', 'localhost:8787', ['https://app.example.com']),
    ).toBe(false)
    expect(originAllowed('null', 'localhost:8787', [])).toBe(false)
  })
})
