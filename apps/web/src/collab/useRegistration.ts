import { useEffect } from 'react'
import { createApiClient } from '../api/client.js'
import { type Identity, isRegistered } from './identity.js'
import { browserIdentity, type RegisterIdentity } from './identity-keeper.js'

/** Registers with the server this page talks to; a server with a secret wants the page's token. */
export function identityRegistrar(token: string | null): RegisterIdentity {
  const api = createApiClient({ token })
  return (profile) => api.registerIdentity(profile)
}

/**
 * Gets this browser a participant id as soon as a journey opens, so presence carries it from
 * the start. A failure (offline, say) is not shown: the journey works without it, and the first
 * comment or vote registers again before it is sent.
 */
export function useRegistration(identity: Identity | null, token: string | null): void {
  const chosen = identity !== null
  const registered = isRegistered(identity)
  useEffect(() => {
    if (!chosen || registered) return
    browserIdentity.registered(identityRegistrar(token)).catch(() => undefined)
  }, [chosen, registered, token])
}
