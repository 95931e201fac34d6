import { createHmac, timingSafeEqual } from 'node:crypto'
import { createId } from '@touchline/model'

/** Versioned, and unlike an access token's (`tl1`), so neither can pass for the other. */
const PREFIX = 'ti1'

const IDENTITY_ID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * Participant identities the server hands out: an id and a signature over it, so that
 * whoever shows the token is the one it was issued to (the browser keeps it), and "only
 * your own comment" means something. Names and colours are not part of it: people may
 * change them, and they prove nothing.
 */
export class IdentityTokens {
  readonly #key: Buffer

  constructor(key: Buffer) {
    this.#key = key
  }

  /** A new identity: a fresh id and its token (`ti1.<id>.<signature>`). */
  issue(): { id: string; token: string } {
    const id = createId('p')
    return { id, token: `${PREFIX}.${id}.${this.#sign(id).toString('base64url')}` }
  }

  /** The identity id a token was issued for; null for anything not signed with this key. */
  verify(token: string): string | null {
    const parts = token.split('.')
    if (parts.length !== 3 || parts[0] !== PREFIX) return null
    const [, id, signature] = parts as [string, string, string]
    if (!IDENTITY_ID.test(id)) return null
    const expected = this.#sign(id)
    const given = Buffer.from(signature, 'base64url')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
    return id
  }

  #sign(id: string): Buffer {
    return createHmac('sha256', this.#key).update(`${PREFIX}.${id}`).digest()
  }
}
