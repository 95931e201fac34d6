import { describe, expect, it } from 'vitest'
import { canComment, canEdit, roleFromToken } from './token-role.js'

/** A token shaped like the server's (`tl1.<base64url JSON>.<signature>`); unsigned, as the browser never checks. */
function token(claims: unknown): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `tl1.${payload}.signature`
}

describe('roleFromToken', () => {
  it('reads the role a share link grants', () => {
    expect(roleFromToken(token({ j: 'j1', r: 'commenter', e: 1, l: 'link1' }))).toBe('commenter')
    expect(roleFromToken(token({ j: '*', r: 'editor', e: 1 }))).toBe('editor')
    expect(roleFromToken(token({ j: 'j1', r: 'viewer', e: 1 }))).toBe('viewer')
  })

  it('is an editor without a token, as a server without a secret treats everyone', () => {
    expect(roleFromToken(null)).toBe('editor')
  })

  it('offers the least for a token it cannot read', () => {
    expect(roleFromToken('garbage')).toBe('viewer')
    expect(roleFromToken('tl1.!!!.sig')).toBe('viewer')
    expect(roleFromToken(token({ r: 'owner' }))).toBe('viewer')
    expect(roleFromToken(token('editor'))).toBe('viewer')
  })

  it('orders what each role may do', () => {
    expect([canComment('viewer'), canComment('commenter'), canComment('editor')]).toEqual([
      false,
      true,
      true,
    ])
    expect([canEdit('commenter'), canEdit('editor')]).toEqual([false, true])
  })
})
