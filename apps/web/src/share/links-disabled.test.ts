import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/errors.js'
import { isLinksDisabled } from './links-disabled.js'

describe('isLinksDisabled', () => {
  it('recognises the server’s answer when it has no secret', () => {
    expect(isLinksDisabled(new ApiError(409, 'share links need TOUCHLINE_SECRET'))).toBe(true)
  })

  it('takes other failures for what they are', () => {
    expect(isLinksDisabled(new ApiError(403, 'editors only'))).toBe(false)
    expect(isLinksDisabled(new TypeError('Failed to fetch'))).toBe(false)
  })
})
