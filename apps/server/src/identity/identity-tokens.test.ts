import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { IdentityTokens } from './identity-tokens.js'

describe('IdentityTokens', () => {
  const tokens = new IdentityTokens(randomBytes(32))

  it('issues ids that only its own key verifies', () => {
    const { id, token } = tokens.issue()
    expect(token.startsWith(`ti1.${id}.`)).toBe(true)
    expect(tokens.verify(token)).toBe(id)
    expect(new IdentityTokens(randomBytes(32)).verify(token)).toBeNull()
    expect(tokens.issue().id).not.toBe(id)
  })

  it('refuses a signature moved to another id, and garbage', () => {
    const mine = tokens.issue()
    const theirs = tokens.issue()
    const signature = mine.token.split('.')[2]
    expect(tokens.verify(`ti1.${theirs.id}.${signature}`)).toBeNull()
    for (const garbage of ['', 'ti1', 'ti1..', `tl1.${mine.id}.${signature}`, `${mine.token}.x`]) {
      expect(tokens.verify(garbage)).toBeNull()
    }
    expect(tokens.verify(mine.token.slice(0, -3))).toBeNull()
  })
})
